import { fail, type Reader, type Writer } from '@routekit/wire';
import type { OspfErrorCode } from '../errors.js';

/**
 * Network-LSA body (RFC 2328 A.4.3).
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Network Mask                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Attached Router                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              ...                              |
 * ```
 */
export interface NetworkLsaBody {
  readonly kind: 'network';
  readonly mask: number;
  readonly attachedRouters: readonly number[];
}

export function readNetworkBody(r: Reader): NetworkLsaBody {
  const mask = r.u32('network.mask');
  if (r.remaining % 4 !== 0)
    fail<OspfErrorCode>('bad-lsa-length', r.offset, {
      length: r.remaining,
      detail: `${r.remaining} bytes are not whole 4-byte entries`,
    });
  const attachedRouters: number[] = [];
  while (r.remaining > 0) attachedRouters.push(r.u32('network.attached_router'));
  return { kind: 'network', mask, attachedRouters };
}

export function networkBodyLength(b: NetworkLsaBody): number {
  return 4 + 4 * b.attachedRouters.length;
}

export function writeNetworkBody(w: Writer, b: NetworkLsaBody): void {
  w.u32(b.mask);
  for (const a of b.attachedRouters) w.u32(a);
}
