import type { Reader, Writer } from '@routekit/wire';

/**
 * Router-LSA body (RFC 2328 A.4.2; Nt flag RFC 3101).
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  0 |Nt|W|V|E|B|        0      |            # links            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Link ID                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Link Data                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     # TOS     |            metric             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      TOS      |        0      |          TOS  metric          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface RouterLsaBody {
  readonly kind: 'router';
  /** Flag byte (V, E, B, W, Nt; see `RouterFlag`). */
  readonly flags: number;
  /** The octet after the flags (0 on the wire; kept for byte-exact re-encode). */
  readonly reserved: number;
  readonly links: readonly RouterLink[];
}

/** One router link: p2p (1), transit (2), stub (3) or virtual (4). */
export interface RouterLink {
  readonly linkId: number;
  readonly linkData: number;
  readonly type: number;
  readonly metric: number;
  readonly tos: readonly TosMetric[];
}

/** A TOS-specific metric (RFC 2328 keeps them for compatibility). */
export interface TosMetric {
  readonly tos: number;
  readonly metric: number;
}

export function readRouterBody(r: Reader): RouterLsaBody {
  const flags = r.u8('router.flags');
  const reserved = r.u8('router.reserved');
  const count = r.u16('router.links');
  // Every link takes at least 12 bytes: check before looping.
  if (count * 12 > r.remaining) r.bytes(count * 12);
  const links: RouterLink[] = [];
  for (let i = 0; i < count; i++) {
    const linkId = r.u32('router.link.id');
    const linkData = r.u32('router.link.data');
    const type = r.u8('router.link.type');
    const nTos = r.u8('router.link.tos_count');
    const metric = r.u16('router.link.metric');
    const tos: TosMetric[] = [];
    for (let j = 0; j < nTos; j++) {
      const t = r.u8('router.link.tos');
      r.skip(1);
      tos.push({ tos: t, metric: r.u16('router.link.tos_metric') });
    }
    links.push({ linkId, linkData, type, metric, tos });
  }
  return { kind: 'router', flags, reserved, links };
}

export function routerBodyLength(b: RouterLsaBody): number {
  let n = 4;
  for (const l of b.links) n += 12 + 4 * l.tos.length;
  return n;
}

export function writeRouterBody(w: Writer, b: RouterLsaBody): void {
  w.u8(b.flags).u8(b.reserved).u16(b.links.length);
  for (const l of b.links) {
    w.u32(l.linkId).u32(l.linkData).u8(l.type).u8(l.tos.length).u16(l.metric);
    for (const t of l.tos) w.u8(t.tos).u8(0).u16(t.metric);
  }
}
