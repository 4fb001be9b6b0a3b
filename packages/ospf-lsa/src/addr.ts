/**
 * IPv4 addresses as uint32 numbers: formatting and parsing at the edges. A thin
 * adapter over `@routekit/prefix` for code that keeps addresses as plain numbers.
 */
import { formatAddress, ipv4, maskLength as prefixMaskLength } from '@routekit/prefix';

/** `10.0.0.1` for 0x0a000001. */
export function ipv4ToString(value: number): string {
  return formatAddress(ipv4(value >>> 0));
}

/**
 * 0x0a000001 for `10.0.0.1`; throws a `RangeError` for anything else. Unlike
 * `parseAddress` from `@routekit/prefix`, octets with leading zeros (`010.0.0.1`) are
 * accepted, so this stays a hand-written reader.
 */
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
  return prefixMaskLength(ipv4(mask >>> 0)) ?? -1;
}

/** `10.0.0.0/24` from an address and a mask (the address is masked). */
export function prefixString(address: number, mask: number): string {
  const len = maskLength(mask);
  const masked = (address & mask) >>> 0;
  return len < 0
    ? `${ipv4ToString(masked)}/${ipv4ToString(mask)}`
    : `${ipv4ToString(masked)}/${len}`;
}
