import { Rib } from '@routekit/rib';
import { RipEngine, VirtualClock } from '@routekit/rip';
import { MemoryNetwork } from '@routekit/rip/testing';

// Two anycast servers and an edge router on a virtual clock and an in-memory network
const clock = new VirtualClock();
const net = new MemoryNetwork(clock);
net.attach('s1', 'eth0', 'link1', '10.0.1.2');
net.attach('edge', 'eth1', 'link1', '10.0.1.1');
net.attach('s2', 'eth0', 'link2', '10.0.2.2');
net.attach('edge', 'eth2', 'link2', '10.0.2.1');

const server = (name: string, address: string) =>
  new RipEngine({ interfaces: [{ name: 'eth0', address }], transport: net.transport(name), clock });
const s1 = server('s1', '10.0.1.2/24');
const s2 = server('s2', '10.0.2.2/24');
const rib = new Rib();
const edge = new RipEngine({
  interfaces: [
    { name: 'eth1', address: '10.0.1.1/24' },
    { name: 'eth2', address: '10.0.2.1/24' },
  ],
  transport: net.transport('edge'),
  clock,
  rib,
});
edge.on((e) => {
  if (e.type === 'learned')
    console.log(`${clock.now()} ms: learned via ${e.ifname}, metric ${e.metric}`);
});
for (const e of [s1, s2, edge]) e.start();

s1.announce('192.0.2.53/32', 1);
s2.announce('192.0.2.53/32', 3);
clock.advance(10_000);
console.log(rib.get('192.0.2.53/32')?.best.source);

// s1's health check fails: withdraw, and the edge falls back to s2 at once
s1.withdraw('192.0.2.53/32');
clock.advance(5);
console.log(rib.get('192.0.2.53/32')?.best.source);
const route = edge.snapshot().routes.find((r) => r.prefix === '192.0.2.53/32');
console.log(JSON.stringify(route?.adverts.map((a) => [a.neighbor, a.metric])));
