import { ipv4FromString as a, buildLsa, type Lsa, type RouterLink } from '../src/index.js';

/** Small builders for hand-made and generated topologies. */
export function routerLsa(id: number, links: RouterLink[], flags = 0, seq = 1): Lsa {
  return buildLsa({
    header: { age: 1, options: 2, type: 1, lsId: id, advRouter: id, seq },
    body: { kind: 'router', flags, reserved: 0, links },
  });
}

export function networkLsa(dr: number, adv: number, mask: number, attached: number[]): Lsa {
  return buildLsa({
    header: { age: 1, options: 2, type: 2, lsId: dr, advRouter: adv, seq: 1 },
    body: { kind: 'network', mask, attachedRouters: attached },
  });
}

export function summaryLsa(
  type: 3 | 4,
  id: number,
  adv: number,
  mask: number,
  metric: number,
): Lsa {
  return buildLsa({
    header: { age: 1, options: 2, type, lsId: id, advRouter: adv, seq: 1 },
    body: { kind: 'summary', mask, tos0: 0, metric, tos: [] },
  });
}

export function externalLsa(
  type: 5 | 7,
  id: number,
  adv: number,
  mask: number,
  metric: number,
  e2: boolean,
  forwardingAddress = 0,
  options = 2,
): Lsa {
  return buildLsa({
    header: { age: 1, options, type, lsId: id, advRouter: adv, seq: 1 },
    body: {
      kind: 'external',
      mask,
      eBit: e2,
      tos0: 0,
      metric,
      forwardingAddress,
      routeTag: 0,
      tos: [],
    },
  });
}

export const p2p = (to: string, ownAddr: string, metric: number): RouterLink => ({
  linkId: a(to),
  linkData: a(ownAddr),
  type: 1,
  metric,
  tos: [],
});
export const transit = (dr: string, ownAddr: string, metric: number): RouterLink => ({
  linkId: a(dr),
  linkData: a(ownAddr),
  type: 2,
  metric,
  tos: [],
});
export const stub = (net: string, mask: string, metric: number): RouterLink => ({
  linkId: a(net),
  linkData: a(mask),
  type: 3,
  metric,
  tos: [],
});
export { a };
