/** IPv4 addresses as uint32 numbers: formatting and parsing at the edges. */

/** `10.0.0.1` for 0x0a000001. */
export function ipv4ToString(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 0xff}.${(value >>> 8) & 0xff}.${value & 0xff}`;
}

/** 0x0a000001 for `10.0.0.1`; throws a `RangeError` for anything else. */
export function ipv4FromString(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4) throw new RangeError(`not an IPv4 address: ${text}`);
  let v = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255)
      throw new RangeError(`not an IPv4 address: ${text}`);
    v = v * 256 + Number(p);
  }
  return v >>> 0;
}

/** Prefix length of a contiguous mask, or -1 when the mask is not contiguous. */
export function maskLength(mask: number): number {
  const m = mask >>> 0;
  let n = 0;
  while (n < 32 && (m & (0x80000000 >>> n)) !== 0) n++;
  const back = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return back === m ? n : -1;
}

/** `10.0.0.0/24` from an address and a mask (the address is masked). */
export function prefixString(address: number, mask: number): string {
  const len = maskLength(mask);
  const masked = (address & mask) >>> 0;
  return len < 0
    ? `${ipv4ToString(masked)}/${ipv4ToString(mask)}`
    : `${ipv4ToString(masked)}/${len}`;
}
