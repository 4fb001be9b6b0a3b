import {
  buildLsa,
  decodePacket,
  encodePacket,
  ipv4FromString as ip,
  type Lsa,
  type RouterLink,
  spf,
  validatePacket,
} from '@routekit/ospf-lsa';

// Two anycast servers (2.2.2.2 and 3.3.3.3) advertise 192.0.2.53/32 as a stub link;
// router 1.1.1.1 reaches 2.2.2.2 at cost 10 and 3.3.3.3 at cost 20.
const p2p = (to: string, own: string, metric: number): RouterLink => ({
  linkId: ip(to),
  linkData: ip(own),
  type: 1,
  metric,
  tos: [],
});
const anycast: RouterLink = {
  linkId: ip('192.0.2.53'),
  linkData: 0xffffffff,
  type: 3,
  metric: 0,
  tos: [],
};
const router = (id: string, links: RouterLink[]): Lsa =>
  buildLsa({
    header: { age: 1, options: 0x02, type: 1, lsId: ip(id), advRouter: ip(id), seq: -0x7fffffff },
    body: { kind: 'router', flags: 0, reserved: 0, links },
  });
const lsas = [
  router('1.1.1.1', [p2p('2.2.2.2', '10.0.12.1', 10), p2p('3.3.3.3', '10.0.13.1', 20)]),
  router('2.2.2.2', [p2p('1.1.1.1', '10.0.12.2', 10), anycast]),
  router('3.3.3.3', [p2p('1.1.1.1', '10.0.13.3', 20), anycast]),
];

// Flood them in a Link State Update signed with keyed MD5 (RFC 2328 D.4.3).
const key = { algorithm: 'md5', key: new TextEncoder().encode('anycast') } as const;
const auth = {
  kind: 'cryptographic',
  reserved: 0,
  keyId: 1,
  dataLength: 16,
  sequence: 7,
  digest: new Uint8Array(0),
} as const;
const bytes = encodePacket(
  { header: { routerId: ip('1.1.1.1'), areaId: 0 }, auth, body: { kind: 'lsu', lsas } },
  { key },
);
const decoded = decodePacket(bytes);
if (!decoded.ok) throw new Error(decoded.error.code);
console.log(
  `${bytes.length} bytes, ${lsas.length} LSAs, issues: ${JSON.stringify(validatePacket(decoded.value, { key }))}`,
);

// SPF for 1.1.1.1 from the LSAs it received.
const received = decoded.value.body.kind === 'lsu' ? decoded.value.body.lsas : [];
const result = spf({ routerId: ip('1.1.1.1'), areas: new Map([[0, received]]), external: [] });
for (const r of result.routes) {
  const hops = r.nextHops.map((h) => h.address ?? 'direct').join(', ');
  console.log(`${r.prefix} ${r.pathType} cost ${r.cost} via ${hops}`);
}
