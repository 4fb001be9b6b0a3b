/**
 * Allocation-free readers for the common address texts, used by the string lookups.
 * They accept a strict subset of what `@routekit/prefix` accepts (dotted quad without
 * leading zeros; IPv6 hex groups with at most one `::`, no embedded IPv4, no zone) and
 * report anything else as "not handled" so the caller falls back to the full parser.
 */

/** Whether the last {@link readIpv4Bits} call read a plain dotted quad. */
export const ipv4Read: { ok: boolean } = { ok: false };

/**
 * The address of a dotted-quad text as int32 bits (`>>> 0` gives the uint32), with
 * `ipv4Read.ok` telling whether the text was a plain dotted quad. Staying in int32 keeps
 * the number unboxed on the hot path.
 */
export function readIpv4Bits(s: string): number {
  const n = s.length;
  if (n < 7 || n > 15) {
    ipv4Read.ok = false;
    return 0;
  }
  // Unrolled per octet: one to three digits, no leading zero, then a dot (or the end).
  // Every read is in bounds (checked against n), so the char codes stay small integers.
  let value = 0;
  let i = 0;
  for (let k = 0; k < 4; k++) {
    if (i >= n) break;
    let x = s.charCodeAt(i) - 48;
    if (x < 0 || x > 9) break;
    i++;
    if (i < n && x !== 0) {
      let d = s.charCodeAt(i) - 48;
      if (d >= 0 && d <= 9) {
        x = x * 10 + d;
        i++;
        if (i < n) {
          d = s.charCodeAt(i) - 48;
          if (d >= 0 && d <= 9) {
            x = x * 10 + d;
            i++;
            if (x > 255) break;
          }
        }
      }
    }
    value = (value << 8) | x;
    if (k === 3) {
      if (i !== n) break;
      ipv4Read.ok = true;
      return value;
    }
    if (i >= n || s.charCodeAt(i) !== 46) break;
    i++;
  }
  ipv4Read.ok = false;
  return 0;
}

/** The uint32 of a dotted-quad text, or -1 when the text is not plain dotted quad. */
export function readIpv4(s: string): number {
  const v = readIpv4Bits(s);
  return ipv4Read.ok ? v >>> 0 : -1;
}

/**
 * Where `readIpv6` leaves its result: the four words, most significant first, as int32
 * bits (`>>> 0` gives the uint32; int32 keeps them unboxed on the hot path).
 */
export const words6: Int32Array = new Int32Array(4);
const groups = new Uint16Array(8);

/** Hex digit values by character code (-1: not a hex digit). */
const HEX: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let c = 0; c < 10; c++) t[48 + c] = c;
  for (let c = 0; c < 6; c++) {
    t[65 + c] = 10 + c;
    t[97 + c] = 10 + c;
  }
  return t;
})();

function hexValue(c: number): number {
  return c < 128 ? HEX[c]! : -1;
}

/**
 * Reads an IPv6 text into {@link words6}; returns false (and leaves garbage there) when
 * the text is not in the handled subset.
 */
export function readIpv6(s: string): boolean {
  const n = s.length;
  if (n < 2 || n > 39) return false;
  let count = 0;
  let gap = -1;
  let i = 0;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return false;
    gap = 0;
    i = 2;
    if (i === n) {
      words6.fill(0);
      return true;
    }
  }
  for (;;) {
    let v = 0;
    let d = 0;
    while (i < n) {
      const h = hexValue(s.charCodeAt(i));
      if (h < 0) break;
      v = (v << 4) | h;
      d++;
      i++;
    }
    if (d === 0 || d > 4 || count === 8) return false;
    groups[count++] = v;
    if (i === n) break;
    if (s.charCodeAt(i) !== 58) return false;
    i++;
    if (i < n && s.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = count;
      i++;
      if (i === n) break;
    } else if (i === n) {
      return false;
    }
  }
  if (gap < 0) {
    if (count !== 8) return false;
  } else {
    if (count > 7) return false;
    const tail = count - gap;
    for (let k = 0; k < tail; k++) groups[7 - k] = groups[count - 1 - k]!;
    for (let k = gap; k < 8 - tail; k++) groups[k] = 0;
  }
  words6[0] = (groups[0]! << 16) | groups[1]!;
  words6[1] = (groups[2]! << 16) | groups[3]!;
  words6[2] = (groups[4]! << 16) | groups[5]!;
  words6[3] = (groups[6]! << 16) | groups[7]!;
  return true;
}
