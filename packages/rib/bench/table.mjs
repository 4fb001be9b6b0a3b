/**
 * A seeded, synthetic full Internet table shaped like today's (2025) DFZ:
 * ~1,036,800 IPv4 prefixes (mean length ≈ 22.9, /24 ≈ 61 %, ≈ 47 % more-specifics of
 * another prefix in the table) and ~229,900 IPv6 prefixes (mean ≈ 42.8, /48 ≈ 48 %).
 *
 * Covering prefixes are drawn at random from the unicast space (IPv4 1/8–223/8 minus
 * 10/8, 127/8; IPv6 inside 2000::/3 with registry-like /12 blocks), then
 * more-specifics are carved out of them. The same seed gives the same table.
 */

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random, weights) {
  let x = random() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weights) {
    x -= w;
    if (x < 0) return v;
  }
  return weights.at(-1)[0];
}

const mask = (n) => (n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0);

const ROOT4 = [
  [24, 36],
  [23, 6],
  [22, 13],
  [21, 7],
  [20, 10],
  [19, 6],
  [18, 5],
  [17, 4],
  [16, 7],
  [15, 0.25],
  [14, 0.2],
  [13, 0.15],
  [12, 0.1],
  [11, 0.05],
  [10, 0.03],
  [9, 0.02],
  [8, 0.02],
];
const SPECIFIC4 = [
  [24, 63],
  [23, 7],
  [22, 7],
  [21, 5],
  [20, 6],
  [19, 3],
  [18, 2],
  [17, 0.5],
];

/** IPv4: `{ keys: Uint32Array, lens: Uint8Array }`, `count` distinct prefixes in random order. */
export function ipv4Table(count = 1_036_800, seed = 4) {
  const random = rng(seed);
  const seen = new Set();
  const keys = new Uint32Array(count);
  const lens = new Uint8Array(count);
  const roots = [];
  let n = 0;
  const push = (k, l) => {
    const id = k * 64 + l;
    if (seen.has(id)) return false;
    seen.add(id);
    keys[n] = k;
    lens[n] = l;
    n++;
    return true;
  };
  const unicast = () => {
    for (;;) {
      const a = (random() * 4294967296) >>> 0;
      const top = a >>> 24;
      if (top >= 1 && top <= 223 && top !== 10 && top !== 127) return a;
    }
  };
  // Covering prefixes do not overlap each other: one byte per /24 marks the space taken.
  const taken = new Uint8Array(1 << 24);
  const nRoots = Math.round(count * 0.535);
  while (n < nRoots) {
    const l = pick(random, ROOT4);
    const k = (unicast() & mask(l)) >>> 0;
    const first = k >>> 8;
    const span = 2 ** (24 - l);
    let free = true;
    for (let i = first; i < first + span && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, first, first + span);
    if (push(k, l) && l < 24) roots.push(n - 1);
  }
  while (n < count) {
    const r = roots[(random() * roots.length) | 0];
    const rl = lens[r];
    let l = pick(random, SPECIFIC4);
    if (l <= rl) l = rl + 1 + ((random() * (24 - rl)) | 0);
    const host = (random() * 4294967296) >>> 0;
    push(((keys[r] | (host & ~mask(rl))) & mask(l)) >>> 0, l);
  }
  return { keys, lens, count };
}

const ROOT6 = [
  [48, 31],
  [32, 34],
  [44, 6],
  [40, 9],
  [36, 8],
  [29, 9],
  [46, 2],
  [47, 2],
  [28, 1],
  [24, 0.5],
  [20, 0.3],
  [19, 0.2],
];
const SPECIFIC6 = [
  [48, 56],
  [44, 8],
  [40, 13],
  [36, 9],
  [47, 4],
  [46, 4],
  [64, 1],
  [56, 2],
];

/** IPv6: `{ words: Uint32Array (4 per prefix), lens: Uint8Array }`. */
export function ipv6Table(count = 229_900, seed = 6) {
  const random = rng(seed);
  const seen = new Set();
  const words = new Uint32Array(count * 4);
  const lens = new Uint8Array(count);
  const roots = [];
  let n = 0;
  // Registry-like blocks: 2001::/16 and 2400::/12 .. 2c00::/12 (as RIR allocations are).
  const blocks = [0x2001, 0x2400, 0x2600, 0x2800, 0x2a00, 0x2c00, 0x2a10, 0x2402, 0x2610, 0x2620];
  const push = (w0, w1, l) => {
    const id = `${w0},${w1},${l}`;
    if (seen.has(id)) return false;
    seen.add(id);
    words[4 * n] = w0;
    words[4 * n + 1] = w1;
    lens[n] = l;
    n++;
    return true;
  };
  const m0 = (l) => mask(Math.min(32, l));
  const m1 = (l) => mask(Math.max(0, l - 32));
  const nRoots = Math.round(count * 0.6);
  while (n < nRoots) {
    const l = pick(random, ROOT6);
    const b = blocks[(random() * blocks.length) | 0];
    const w0 = ((b << 16) | ((random() * 65536) & (b === 0x2001 ? 0xffff : 0x0fff))) >>> 0;
    const w1 = (random() * 4294967296) >>> 0;
    if (push((w0 & m0(l)) >>> 0, (w1 & m1(l)) >>> 0, l) && l < 48) roots.push(n - 1);
  }
  while (n < count) {
    const r = roots[(random() * roots.length) | 0];
    const rl = lens[r];
    let l = pick(random, SPECIFIC6);
    if (l <= rl) l = rl + 1 + ((random() * (48 - rl)) | 0);
    const h0 = (random() * 4294967296) >>> 0;
    const h1 = (random() * 4294967296) >>> 0;
    const w0 = ((words[4 * r] | (h0 & ~m0(rl))) & m0(l)) >>> 0;
    const w1 = ((words[4 * r + 1] | (h1 & ~m1(rl))) & m1(l)) >>> 0;
    push(w0, w1, l);
  }
  return { words, lens, count };
}

/** Mean length, share of the most common lengths, share of prefixes inside another one. */
export function stats(lens, count, isInside) {
  let sum = 0;
  const hist = new Map();
  let inside = 0;
  for (let i = 0; i < count; i++) {
    sum += lens[i];
    hist.set(lens[i], (hist.get(lens[i]) ?? 0) + 1);
    if (isInside(i)) inside++;
  }
  return { mean: sum / count, hist, insideShare: inside / count };
}
