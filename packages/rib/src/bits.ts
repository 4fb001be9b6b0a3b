/** Small integer helpers shared by the tries. */
import { RibError } from './errors.js';

/** `mask32(n)`: a uint32 with the top `n` bits set, n = 0..32. */
export function mask32(n: number): number {
  return n === 0 ? 0 : (0xffff_ffff << (32 - n)) >>> 0;
}

/** True for a number that is an integer in 0..2^32-1. */
export function isUint32(n: number): boolean {
  return typeof n === 'number' && n >>> 0 === n;
}

/** Checks a numeric IPv4 prefix; throws `invalid-prefix` unless canonical. */
export function checkPrefix4(key: number, length: number): void {
  if (!isUint32(key) || !Number.isInteger(length) || length < 0 || length > 32) {
    throw new RibError(
      'invalid-prefix',
      `IPv4 prefix ${key}/${length} is not a uint32 and a length in 0..32`,
    );
  }
  if ((key & ~mask32(length)) !== 0) {
    throw new RibError('invalid-prefix', `IPv4 prefix ${key}/${length} has host bits set`);
  }
}

/** Checks a numeric IPv6 prefix (four words); throws `invalid-prefix` unless canonical. */
export function checkPrefix6(w0: number, w1: number, w2: number, w3: number, length: number): void {
  if (
    !(isUint32(w0) && isUint32(w1) && isUint32(w2) && isUint32(w3)) ||
    !Number.isInteger(length) ||
    length < 0 ||
    length > 128
  ) {
    throw new RibError(
      'invalid-prefix',
      `IPv6 prefix words/length ${w0},${w1},${w2},${w3}/${length} out of range`,
    );
  }
  const words = [w0, w1, w2, w3];
  for (let i = 0; i < 4; i++) {
    const bits = length - 32 * i;
    const m = bits <= 0 ? 0 : bits >= 32 ? 0xffff_ffff : mask32(bits);
    if ((words[i]! & ~m) !== 0) {
      throw new RibError(
        'invalid-prefix',
        `IPv6 prefix ${words.join(',')}/${length} has host bits set`,
      );
    }
  }
}

/** Checks an address value; throws `invalid-address` unless it is a uint32. */
export function checkUint32(n: number, what: string): void {
  if (!isUint32(n)) throw new RibError('invalid-address', `${what} ${n} is not a uint32`);
}

/** A new typed array of the same kind with room for `n` elements, the old contents copied. */
export function grow<A extends Uint32Array | Int32Array | Uint16Array | Uint8Array>(
  a: A,
  n: number,
): A {
  const b = new (a.constructor as new (n: number) => A)(n);
  b.set(a);
  return b;
}
