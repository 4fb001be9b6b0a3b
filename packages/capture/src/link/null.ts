import { fail, type Reader } from '@routekit/wire';
import { EtherType } from './ethertype.js';

/**
 * BSD loopback encapsulation (LINKTYPE_NULL, 0: the address family in the *capturing
 * host's* byte order; LINKTYPE_LOOP, 108: the same in network byte order).
 *
 * ```text
 * +---------------------------------------------------------------+
 * |           Address family (AF_ value of the capturing OS)      |
 * +---------------------------------------------------------------+
 * ```
 *
 * AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24 (NetBSD, OpenBSD), 28
 * (FreeBSD) or 30 (macOS). Unknown families give EtherType 0.
 */
export function readNull(r: Reader, networkOrder: boolean): number {
  const start = r.offset;
  const raw = r.bytes(4, 'null.family');
  const be = ((raw[0]! << 24) | (raw[1]! << 16) | (raw[2]! << 8) | raw[3]!) >>> 0;
  const le = ((raw[3]! << 24) | (raw[2]! << 16) | (raw[1]! << 8) | raw[0]!) >>> 0;
  // The family is small; whichever reading is small is the host's byte order.
  const family = networkOrder || be < 0x10000 ? be : le;
  if (family === 2) return EtherType.Ipv4;
  if (family === 10 || family === 24 || family === 28 || family === 30) return EtherType.Ipv6;
  if (family > 0xffff) fail('bad-value', start, { length: 4, detail: `address family ${family}` });
  return 0;
}
