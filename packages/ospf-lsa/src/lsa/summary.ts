import { fail, type Reader, type Writer } from '@routekit/wire';
import type { OspfErrorCode } from '../errors.js';

/**
 * Summary-LSA body, types 3 (network) and 4 (ASBR) (RFC 2328 A.4.4).
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Network Mask                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      0        |                  metric                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     TOS       |                TOS  metric                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface SummaryLsaBody {
  readonly kind: 'summary';
  readonly mask: number;
  /** The octet before the TOS-0 metric (0 on the wire). */
  readonly tos0: number;
  readonly metric: number;
  readonly tos: readonly { readonly tos: number; readonly metric: number }[];
}

export function readSummaryBody(r: Reader): SummaryLsaBody {
  const mask = r.u32('summary.mask');
  const tos0 = r.u8('summary.tos');
  const metric = r.u24('summary.metric');
  if (r.remaining % 4 !== 0)
    fail<OspfErrorCode>('bad-lsa-length', r.offset, {
      length: r.remaining,
      detail: `${r.remaining} bytes are not whole 4-byte entries`,
    });
  const tos: { tos: number; metric: number }[] = [];
  while (r.remaining > 0) tos.push({ tos: r.u8('summary.tos'), metric: r.u24('summary.metric') });
  return { kind: 'summary', mask, tos0, metric, tos };
}

export function summaryBodyLength(b: SummaryLsaBody): number {
  return 8 + 4 * b.tos.length;
}

export function writeSummaryBody(w: Writer, b: SummaryLsaBody): void {
  w.u32(b.mask).u8(b.tos0).u24(b.metric);
  for (const t of b.tos) w.u8(t.tos).u24(t.metric);
}
