import { formatAddress, formatPrefix } from '@routekit/prefix';
import { ForwardingView, Ipv4Trie, PrefixTrie, Rib, RibError, ribSnapshot } from '@routekit/rib';

// Longest-prefix match over IPv4 and IPv6, by text, Address or number.
const trie = new PrefixTrie<string>();
trie.set('0.0.0.0/0', 'default').set('10.21.0.0/16', 'lab').set('10.21.2.2/31', 'p2p');
trie.set('2001:db8::/32', 'docs');
console.log(
  trie.lookup('10.21.2.3'),
  trie.lookup('10.21.9.9'),
  trie.lookup('192.0.2.1'),
  trie.lookup('2001:db8::1'),
);
console.log(
  trie
    .matches('10.21.2.3')
    .map((e) => formatPrefix(e.prefix))
    .join(' '),
);

// The numeric core: handles instead of values, a compiled DIR-24-8 table for lookups.
const core = new Ipv4Trie({ compile: 'always' });
const lab = core.insert(0x0a15_0000, 16); // 10.21.0.0/16
console.log(core.lookup(0x0a15_0203) === lab, core.lookup(0x0b00_0001));

// The RIB: the classic anycast lab. The BGP route's next hop 10.21.2.3 is resolved
// through the connected /31, as `show ip route` prints "recursive … via".
const rib = new Rib();
const fib = new ForwardingView(rib); // what a FIB sink follows
rib.subscribe((changes) => {
  for (const c of changes)
    console.log(`${c.kind} ${formatPrefix(c.prefix)} ${c.best?.source ?? ''}`);
});
rib.add({
  prefix: '10.21.2.2/31',
  nextHops: [{ interface: 'eth1' }],
  source: 'connected',
  distance: 0,
  metric: 0,
});
rib.add({
  prefix: '169.254.0.1/32',
  nextHops: ['10.21.2.3'],
  source: 'bgp:10.21.2.3',
  distance: 20,
  metric: 0,
  attrs: {
    peerType: 'external',
    asPathLength: 1,
    origin: 0,
    neighborAs: 65001,
    routerId: 0x0a15_0203,
  },
});
const [hop] = fib.lookup('169.254.0.1') ?? [];
console.log(
  `169.254.0.1 via ${hop?.address ? formatAddress(hop.address) : '?'} dev ${hop?.interface}`,
);
console.log(JSON.stringify(ribSnapshot(rib)['169.254.0.1/32']?.[0]?.nexthops));

// The link goes down: the BGP route loses its next hop and is withdrawn too.
rib.remove('10.21.2.2/31', 'connected');
console.log(fib.size);

// Bad input is a typed error, and nothing changes.
try {
  rib.add({ prefix: '192.0.2.0/24', nextHops: [], source: 'static', distance: 1, metric: 0 });
} catch (e) {
  if (e instanceof RibError) console.log(e.code);
}
