import { fail, type Reader, type Writer } from '@routekit/wire';
import type { OspfErrorCode } from '../errors.js';

/**
 * AS-external-LSA (type 5, RFC 2328 A.4.5) and NSSA-LSA (type 7, RFC 3101 §2.4) body.
 * The NSSA P-bit lives in the header's options (`OptionBit.NP`).
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Network Mask                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |E|     0       |                  metric                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Forwarding address                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      External Route Tag                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |E|    TOS      |                TOS  metric                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Forwarding address                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      External Route Tag                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface ExternalLsaBody {
  readonly kind: 'external';
  readonly mask: number;
  /** E bit of the TOS-0 entry: true = type 2 (E2/N2) metric. */
  readonly eBit: boolean;
  /** The 7 TOS bits of the TOS-0 entry (0 on the wire). */
  readonly tos0: number;
  readonly metric: number;
  readonly forwardingAddress: number;
  readonly routeTag: number;
  readonly tos: readonly ExternalTos[];
}

/** A TOS-specific entry of an external LSA. */
export interface ExternalTos {
  readonly eBit: boolean;
  readonly tos: number;
  readonly metric: number;
  readonly forwardingAddress: number;
  readonly routeTag: number;
}

export function readExternalBody(r: Reader): ExternalLsaBody {
  const mask = r.u32('external.mask');
  const b = r.u8('external.e_tos');
  const metric = r.u24('external.metric');
  const forwardingAddress = r.u32('external.forwarding');
  const routeTag = r.u32('external.tag');
  if (r.remaining % 12 !== 0)
    fail<OspfErrorCode>('bad-lsa-length', r.offset, {
      length: r.remaining,
      detail: `${r.remaining} bytes are not whole 12-byte entries`,
    });
  const tos: ExternalTos[] = [];
  while (r.remaining > 0) {
    const t = r.u8('external.e_tos');
    tos.push({
      eBit: (t & 0x80) !== 0,
      tos: t & 0x7f,
      metric: r.u24('external.metric'),
      forwardingAddress: r.u32('external.forwarding'),
      routeTag: r.u32('external.tag'),
    });
  }
  return {
    kind: 'external',
    mask,
    eBit: (b & 0x80) !== 0,
    tos0: b & 0x7f,
    metric,
    forwardingAddress,
    routeTag,
    tos,
  };
}

export function externalBodyLength(b: ExternalLsaBody): number {
  return 16 + 12 * b.tos.length;
}

export function writeExternalBody(w: Writer, b: ExternalLsaBody): void {
  w.u32(b.mask)
    .u8((b.eBit ? 0x80 : 0) | b.tos0)
    .u24(b.metric);
  w.u32(b.forwardingAddress).u32(b.routeTag);
  for (const t of b.tos) {
    w.u8((t.eBit ? 0x80 : 0) | t.tos)
      .u24(t.metric)
      .u32(t.forwardingAddress)
      .u32(t.routeTag);
  }
}
