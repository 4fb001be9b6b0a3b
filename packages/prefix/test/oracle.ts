/**
 * A BigInt model of addresses and prefixes, written from the definitions and sharing
 * no code with `src/`: the property tests compare the integer implementation with it.
 */
import type { Address, Prefix } from '../src/index.js';

export function bits(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

export function big(a: Address): bigint {
  if (a.family === 4) return BigInt(a.value);
  let n = 0n;
  for (const w of a.words) n = (n << 32n) | BigInt(w);
  return n;
}

export function fromBig(family: 4 | 6, n: bigint): Address {
  if (family === 4) return { family: 4, value: Number(n) };
  const m = 0xffff_ffffn;
  return {
    family: 6,
    words: [Number(n >> 96n), Number((n >> 64n) & m), Number((n >> 32n) & m), Number(n & m)],
  };
}

/** The network number: the top `length` bits as an integer. */
export function top(family: 4 | 6, n: bigint, length: number): bigint {
  return n >> BigInt(bits(family) - length);
}

export function first(p: Prefix): bigint {
  return big(p.address);
}

export function last(p: Prefix): bigint {
  return big(p.address) + (1n << BigInt(bits(p.family) - p.length)) - 1n;
}

export function inside(p: Prefix, a: Address): boolean {
  if (p.family !== a.family) return false;
  const n = big(a);
  return first(p) <= n && n <= last(p);
}

export function bytesOf(a: Address): number[] {
  const n = big(a);
  const len = a.family === 4 ? 4 : 16;
  const out: number[] = [];
  for (let i = len - 1; i >= 0; i--) out.push(Number((n >> BigInt(8 * i)) & 0xffn));
  return out;
}

export function sign(x: number): number {
  return x < 0 ? -1 : x > 0 ? 1 : 0;
}

export function cmpBig(x: bigint, y: bigint): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
