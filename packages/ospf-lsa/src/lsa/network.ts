import type { Reader, Writer } from '@routekit/wire';

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
  if (r.remaining % 4 !== 0) r.bytes(r.remaining + 4 - (r.remaining % 4));
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
