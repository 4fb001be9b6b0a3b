import { type Address, ipv6FromBytes } from '@routekit/prefix';
import { fail, type Reader, type Writer } from '@routekit/wire';

/** Address family number of an MRT AFI field: 1 → IPv4, 2 → IPv6. */
export function familyOfAfi(afi: number, offset: number): 4 | 6 {
  if (afi === 1) return 4;
  if (afi === 2) return 6;
  return fail('bad-value', offset, { length: 2, detail: `AFI ${afi}` });
}

/** Read a 4- or 16-byte address. */
export function readAddress(r: Reader, family: 4 | 6, name?: string): Address {
  if (family === 4) return { family: 4, value: r.u32(name) };
  return ipv6FromBytes(r.bytes(16, name));
}

/** Write an address as 4 or 16 bytes. */
export function writeAddress(w: Writer, a: Address): void {
  if (a.family === 4) w.u32(a.value);
  else for (const x of a.words) w.u32(x);
}

/** Bytes of an address on the wire. */
export function addressLength(a: Address): number {
  return a.family === 4 ? 4 : 16;
}
