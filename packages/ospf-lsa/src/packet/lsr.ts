import type { Reader, Writer } from '@routekit/wire';

/**
 * Link State Request body (RFC 2328 A.3.4): a list of 12-byte entries.
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          LS type                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Link State ID                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Advertising Router                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface LsrBody {
  readonly kind: 'lsr';
  readonly requests: readonly LsRequest[];
}

export interface LsRequest {
  readonly type: number;
  readonly lsId: number;
  readonly advRouter: number;
}

export function readLsr(r: Reader): LsrBody {
  const requests: LsRequest[] = [];
  while (r.remaining >= 12)
    requests.push({
      type: r.u32('link_state_req.type'),
      lsId: r.u32('link_state_req.id'),
      advRouter: r.u32('link_state_req.adv_router'),
    });
  return { kind: 'lsr', requests };
}

export function lsrLength(b: LsrBody): number {
  return 12 * b.requests.length;
}

export function writeLsr(w: Writer, b: LsrBody): void {
  for (const q of b.requests) w.u32(q.type).u32(q.lsId).u32(q.advRouter);
}
