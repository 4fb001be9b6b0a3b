import type { BgpContext } from '../context.js';
import type { BgpAction } from '../errors.js';
import type { PathAttribute } from './attribute.js';

/*
 * Semantic checks of attributes that decoded: the attribute is kept typed and an issue
 * is recorded with its RFC 7606 action.
 *
 * - RFC 4271 §6.3 / RFC 7606 §7.3: a NEXT_HOP that is not a valid host address
 *   (0.0.0.0/8, 127.0.0.0/8, 224.0.0.0/4 multicast, 240.0.0.0/4 incl. 255.255.255.255)
 *   in an UPDATE with IPv4 NLRI → `invalid-next-hop`, treat-as-withdraw.
 * - RFC 7607 §2: AS 0 in AS_PATH → treat-as-withdraw; in AS4_PATH, AGGREGATOR,
 *   AS4_AGGREGATOR → attribute-discard (`as-zero`).
 * - RFC 7606 §7.2 / RFC 5065 §5: AS_CONFED_SEQUENCE / AS_CONFED_SET in an AS_PATH from
 *   an external peer (`context.ebgp`) → `confed-segment`, treat-as-withdraw.
 * - RFC 7606 §7.5: LOCAL_PREF from an external peer → `local-pref-ebgp`,
 *   attribute-discard.
 */

/** A semantic problem of a decoded attribute. */
export interface SemanticProblem {
  readonly code: 'invalid-next-hop' | 'as-zero' | 'confed-segment' | 'local-pref-ebgp';
  readonly detail: string;
  readonly action: BgpAction;
}

/** Whether an IPv4 address (uint32) cannot be a next hop (RFC 4271 §6.3). */
export function isMartianNextHop(a: number): boolean {
  const first = a >>> 24;
  return first === 0 || first === 127 || first >= 224;
}

/**
 * The NEXT_HOP problem of an UPDATE with IPv4 NLRI (checked by the UPDATE reader, since
 * RFC 4760 §3 has a NEXT_HOP without IPv4 NLRI ignored).
 */
export function nextHopProblem(
  attributes: readonly PathAttribute[],
): Omit<SemanticProblem, 'offset'> | undefined {
  const a = attributes.find((x) => x.kind === 'next-hop');
  if (a?.kind !== 'next-hop' || !isMartianNextHop(a.nextHop)) return undefined;
  const n = a.nextHop;
  return {
    code: 'invalid-next-hop',
    detail: `next hop ${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`,
    action: 'treat-as-withdraw',
  };
}

/** The problem of one decoded attribute (not NEXT_HOP, see {@link nextHopProblem}). */
export function semanticProblem(
  a: PathAttribute,
  context: BgpContext,
): SemanticProblem | undefined {
  switch (a.kind) {
    case 'as-path':
    case 'as4-path': {
      const action = a.kind === 'as-path' ? 'treat-as-withdraw' : 'attribute-discard';
      if (a.segments.some((s) => s.asns.includes(0))) {
        return { code: 'as-zero', detail: `AS 0 in ${a.kind}`, action };
      }
      if (a.kind === 'as-path' && context.ebgp === true && a.segments.some((s) => s.type >= 3)) {
        return {
          code: 'confed-segment',
          detail: 'confederation segment from an external peer',
          action: 'treat-as-withdraw',
        };
      }
      return undefined;
    }
    case 'aggregator':
    case 'as4-aggregator':
      return a.asn === 0
        ? { code: 'as-zero', detail: `AS 0 in ${a.kind}`, action: 'attribute-discard' }
        : undefined;
    case 'local-pref':
      return context.ebgp === true
        ? {
            code: 'local-pref-ebgp',
            detail: 'LOCAL_PREF from an external peer',
            action: 'attribute-discard',
          }
        : undefined;
    default:
      return undefined;
  }
}
