import { formatAddress, ipv4 } from '@routekit/prefix';
import { decodeRipPacket, type RipAuthKey, signRipPacket } from '@routekit/rip-codec';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RIP_TIMERS, FAST_RIP_TIMERS, RipEngine, VirtualClock } from '../src/index.js';
import { MemoryNetwork } from '../src/testing.js';
import { SimLab } from './helpers.js';

const ANYCAST = '192.0.2.53/32';

/** s1 — e — s2: two servers announcing the anycast /32 to an edge router. */
function anycastLab(timers = DEFAULT_RIP_TIMERS, extra = {}) {
  const lab = new SimLab();
  lab.link('s1', 'e', '10.0.1.2/24', '10.0.1.1/24');
  lab.link('s2', 'e', '10.0.2.2/24', '10.0.2.1/24');
  lab.start({ timers, ...extra });
  lab.node('s1').engine.announce(ANYCAST, 1);
  lab.node('s2').engine.announce(ANYCAST, 3);
  lab.clock.advance(10_000);
  return lab;
}

describe('RipEngine on a virtual clock', () => {
  it('learns an announced /32 into the RIB as rip:<ifname>, distance 120', () => {
    const lab = anycastLab();
    const r = lab.route('e', ANYCAST);
    expect(r).toMatchObject({
      state: 'learned',
      metric: 2,
      nextHop: '10.0.1.2',
      interface: 'e-s1',
    });
    expect(r?.adverts.map((a) => [a.neighbor, a.metric])).toEqual([
      ['10.0.1.2', 2],
      ['10.0.2.2', 4],
    ]);
    const best = lab.node('e').rib.get(ANYCAST)?.best;
    expect(best).toMatchObject({ source: 'rip:e-s1', distance: 120, metric: 2 });
    expect(formatAddress(best!.nextHops[0]!.address!)).toBe('10.0.1.2');
    expect(lab.node('e').events).toContainEqual(
      expect.objectContaining({ type: 'learned', ifname: 'e-s1', metric: 2 }),
    );
  });

  it('withdraw(): metric 16 leaves at once and the edge falls back to the other server in under 1 s', () => {
    const lab = anycastLab();
    const e = lab.node('e');
    const before = lab.net.log.length;
    lab.node('s1').engine.withdraw(ANYCAST);
    const took = lab.until(() => lab.route('e', ANYCAST)?.interface === 'e-s2', 1_000, 1);
    expect(took).toBeLessThan(10);
    const sent = lab.net.log.slice(before).find((p) => p.from === 's1');
    const packet = decodeRipPacket(sent!.bytes);
    expect(packet.ok && packet.value.entries.find((x) => x.mask.value === 0xffffffff)?.metric).toBe(
      16,
    );
    expect(e.rib.get(ANYCAST)?.best).toMatchObject({ source: 'rip:e-s2', metric: 4 });
  });

  it('withdraw() with no other server: the route is lost at once, kept at 16 for the garbage time, then deleted', () => {
    const lab = new SimLab();
    lab.link('s1', 'e', '10.0.1.2/24', '10.0.1.1/24');
    lab.start();
    lab.node('s1').engine.announce(ANYCAST);
    lab.clock.advance(5_000);
    expect(lab.route('e', ANYCAST)?.state).toBe('learned');
    lab.node('s1').engine.withdraw(ANYCAST);
    lab.clock.advance(10);
    expect(lab.route('e', ANYCAST)).toMatchObject({ state: 'garbage', metric: 16 });
    expect(lab.node('e').rib.get(ANYCAST)).toBeUndefined();
    expect(lab.node('e').events.at(-1)).toMatchObject({ type: 'lost' });
    lab.clock.advance(DEFAULT_RIP_TIMERS.garbage);
    expect(lab.route('e', ANYCAST)).toBeUndefined();
  });

  it('a silently dead server times out after 180 s; the other server takes over', () => {
    const lab = anycastLab();
    const t0 = lab.clock.now();
    lab.net.kill('s1');
    const gone = lab.until(() => lab.route('e', ANYCAST)?.interface === 'e-s2', 400_000, 100);
    // the last refresh came up to one update interval (+jitter) before the kill
    expect(gone).toBeGreaterThan(DEFAULT_RIP_TIMERS.timeout - 35_000);
    expect(gone).toBeLessThanOrEqual(DEFAULT_RIP_TIMERS.timeout + 100);
    expect(lab.clock.now() - t0).toBe(gone);
  });

  it('shortened timers shorten the silent failover', () => {
    const lab = anycastLab(FAST_RIP_TIMERS);
    lab.net.kill('s1');
    const gone = lab.until(() => lab.route('e', ANYCAST)?.interface === 'e-s2', 60_000, 10);
    expect(gone).toBeLessThanOrEqual(FAST_RIP_TIMERS.timeout + 10);
  });

  it('periodic updates every 30 s ± 5 s', () => {
    const lab = anycastLab();
    const start = lab.clock.now();
    lab.clock.advance(600_000);
    const times = lab.net.log
      .filter((p) => p.from === 's2' && p.at > start)
      .map((p) => p.at)
      .filter((t, i, a) => i === 0 || t !== a[i - 1]);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps.length).toBeGreaterThan(15);
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(25_000);
      expect(g).toBeLessThanOrEqual(35_000);
    }
    expect(new Set(gaps).size).toBeGreaterThan(1); // jittered
  });

  it('triggered updates are damped: changes within the 1–5 s window leave together', () => {
    const lab = anycastLab();
    const s1 = lab.node('s1').engine;
    const start = lab.net.log.length;
    const t0 = lab.clock.now();
    s1.announce('198.51.100.1/32');
    lab.clock.advance(50);
    s1.announce('198.51.100.2/32');
    s1.announce('198.51.100.3/32');
    lab.clock.advance(6_000);
    const triggered = lab.net.log.slice(start).filter((p) => p.from === 's1' && p.at < t0 + 6_000);
    expect(triggered.length).toBe(2); // the first change at once, the next two together
    expect(triggered[1]!.at - triggered[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect(triggered[1]!.at - triggered[0]!.at).toBeLessThanOrEqual(5_000);
    const second = decodeRipPacket(triggered[1]!.bytes);
    expect(second.ok && second.value.entries.length).toBe(2);
  });

  it('poisoned reverse: the edge sends routes back to where it learned them with metric 16', () => {
    const lab = anycastLab();
    lab.clock.advance(40_000);
    const toS1 = lab.net.log.filter((p) => p.from === 'e' && p.ifname === 'e-s1').at(-1)!;
    const r = decodeRipPacket(toS1.bytes);
    if (!r.ok) throw new Error('decode');
    const anycast = r.value.entries.find((x) => x.address.value === 0xc0000235);
    expect(anycast?.metric).toBe(16);
    const toS2 = lab.net.log.filter((p) => p.from === 'e' && p.ifname === 'e-s2').at(-1)!;
    const r2 = decodeRipPacket(toS2.bytes);
    expect(r2.ok && r2.value.entries.find((x) => x.address.value === 0xc0000235)?.metric).toBe(2);
  });

  it('simple split horizon: those routes are left out of periodic updates', () => {
    const lab = new SimLab();
    lab.link('s1', 'e', '10.0.1.2/24', '10.0.1.1/24', { b: { splitHorizon: 'simple' } });
    lab.start();
    lab.node('s1').engine.announce(ANYCAST);
    lab.clock.advance(100_000);
    const toS1 = lab.net.log.filter((p) => p.from === 'e' && p.at > 40_000);
    for (const p of toS1) {
      const r = decodeRipPacket(p.bytes);
      expect(r.ok && r.value.entries.some((x) => x.address.value === 0xc0000235)).toBe(false);
    }
  });

  it('metrics count hops and 16 is unreachable: a chain of 16 routers', () => {
    const lab = new SimLab();
    for (let i = 0; i < 16; i++) {
      lab.link(`r${i}`, `r${i + 1}`, `10.${i}.0.1/24`, `10.${i}.0.2/24`, {
        a: { advertiseConnected: false },
        b: { advertiseConnected: false },
      });
    }
    lab.start({ timers: FAST_RIP_TIMERS });
    lab.node('r0').engine.announce(ANYCAST, 1);
    lab.clock.advance(60_000);
    expect(lab.route('r14', ANYCAST)?.metric).toBe(15);
    expect(lab.route('r15', ANYCAST)).toBeUndefined();
    expect(lab.route('r16', ANYCAST)).toBeUndefined();
  });

  it('keyed MD5 and HMAC-SHA-256: matching keys exchange routes, a wrong key is refused and counted', () => {
    for (const algorithm of ['md5', 'hmac-sha256'] as const) {
      const good: RipAuthKey = { id: 1, algorithm, secret: 'k1' };
      const lab = new SimLab();
      lab.link('s1', 'e', '10.0.1.2/24', '10.0.1.1/24', {
        a: { auth: { keys: [good] } },
        b: { auth: { keys: [good] } },
      });
      lab.link('s2', 'e', '10.0.2.2/24', '10.0.2.1/24', {
        a: { auth: { keys: [{ ...good, secret: 'wrong' }] } },
        b: { auth: { keys: [good] } },
      });
      lab.start();
      lab.node('s1').engine.announce('198.51.100.1/32');
      lab.node('s2').engine.announce('198.51.100.2/32');
      lab.clock.advance(40_000);
      expect(lab.route('e', '198.51.100.1/32')?.state).toBe('learned');
      expect(lab.route('e', '198.51.100.2/32')).toBeUndefined();
      expect(lab.node('e').engine.counters('e-s2')?.authFailures).toBeGreaterThan(0);
      expect(lab.node('e').engine.counters('e-s1')?.authFailures).toBe(0);
      expect(lab.node('e').events).toContainEqual(
        expect.objectContaining({ type: 'refused', ifname: 'e-s2', reason: 'bad-digest' }),
      );
    }
  });

  it('unauthenticated interfaces refuse authenticated packets, and the reverse', () => {
    const lab = new SimLab();
    lab.link('s1', 'e', '10.0.1.2/24', '10.0.1.1/24', {
      a: { auth: { keys: [{ id: 1, algorithm: 'simple', secret: 'pw' }] } },
    });
    lab.start();
    lab.node('s1').engine.announce(ANYCAST);
    lab.clock.advance(40_000);
    expect(lab.route('e', ANYCAST)).toBeUndefined();
    expect(lab.node('e').engine.counters('e-s1')?.authFailures).toBeGreaterThan(0);
    expect(lab.node('s1').engine.counters('s1-e')?.authFailures).toBeGreaterThan(0);
  });

  it('RIPv1 packets are refused where only v2 is accepted, and learned where v1 is', () => {
    for (const accept of [[2], [1, 2]] as const) {
      const lab = new SimLab();
      lab.link('s1', 'e', '10.0.1.2/24', '10.0.1.1/24', {
        a: { sendVersion: 1 },
        b: { acceptVersions: accept },
      });
      lab.start();
      lab.node('s1').engine.announce('172.16.0.0/16');
      lab.clock.advance(40_000);
      const learned = lab.route('e', '172.16.0.0/16')?.state === 'learned';
      // RIPv1 updates go to the subnet broadcast address, RIPv2 to 224.0.0.9
      const sent = new Set(lab.net.log.filter((p) => p.from === 's1').map((p) => p.to));
      expect(sent.has('broadcast 10.0.1.255')).toBe(true);
      expect(sent.has('multicast')).toBe(false);
      expect(learned).toBe(accept.length === 2);
      if (accept.length === 1)
        expect(lab.node('e').engine.counters('e-s1')?.badPackets).toBeGreaterThan(0);
    }
  });

  it('a passive interface sends nothing but still learns', () => {
    const lab = new SimLab();
    lab.link('s1', 'e', '10.0.1.2/24', '10.0.1.1/24', { b: { passive: true } });
    lab.start();
    lab.node('s1').engine.announce(ANYCAST);
    lab.clock.advance(100_000);
    expect(lab.net.log.filter((p) => p.from === 'e')).toEqual([]);
    expect(lab.route('e', ANYCAST)?.state).toBe('learned');
  });

  it('answers a whole-table request at once', () => {
    const lab = new SimLab();
    lab.link('s1', 'e', '10.0.1.2/24', '10.0.1.1/24');
    lab.start({ timers: { ...DEFAULT_RIP_TIMERS } });
    // both sent a request at start and answered the other's before any periodic update
    lab.node('s1').engine.announce(ANYCAST);
    lab.clock.advance(20);
    expect(lab.route('e', ANYCAST)?.state).toBe('learned');
    const answers = lab.net.log.filter((p) => p.to !== 'multicast');
    expect(answers.length).toBe(2);
  });

  it('redistributes connected and static RIB routes with a metric and a filter', () => {
    const lab = new SimLab();
    lab.link('s1', 'e', '10.0.1.2/24', '10.0.1.1/24');
    lab.start(
      {},
      {
        s1: {
          redistribute: {
            static: { metric: 5, filter: (r) => r.prefix.length === 32 },
            connected: { metric: 2 },
          },
        },
      },
    );
    const rib = lab.node('s1').rib;
    rib.add({
      prefix: '203.0.113.7/32',
      nextHops: [{ interface: 'lo' }],
      source: 'static',
      distance: 1,
      metric: 0,
    });
    rib.add({
      prefix: '203.0.113.0/24',
      nextHops: [{ interface: 'lo' }],
      source: 'static',
      distance: 1,
      metric: 0,
    });
    rib.add({
      prefix: '192.0.2.0/25',
      nextHops: [{ interface: 'lo' }],
      source: 'connected',
      distance: 0,
      metric: 0,
    });
    lab.clock.advance(10_000);
    expect(lab.route('e', '203.0.113.7/32')?.metric).toBe(6);
    expect(lab.route('e', '203.0.113.0/24')).toBeUndefined();
    expect(lab.route('e', '192.0.2.0/25')?.metric).toBe(3);
    rib.remove('203.0.113.7/32', 'static');
    lab.clock.advance(100);
    expect(lab.route('e', '203.0.113.7/32')).toMatchObject({ state: 'garbage' });
  });

  it('a snapshot is JSON', () => {
    const lab = anycastLab();
    const s = lab.node('e').engine.snapshot();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.interfaces.map((i) => i.name)).toEqual(['e-s1', 'e-s2']);
  });

  it('RIPng: two engines exchange an anycast /128 over link-local addresses', () => {
    const lab = new SimLab({ port: 521 });
    lab.link('s1', 'e', 'fe80::2/64', 'fe80::1/64', {
      a: { advertiseConnected: false },
      b: { advertiseConnected: false },
    });
    lab.start({ family: 6 });
    lab.node('s1').engine.announce('2001:db8::53/128');
    lab.clock.advance(100);
    expect(lab.route('e', '2001:db8::53/128')).toMatchObject({
      state: 'learned',
      metric: 2,
      nextHop: 'fe80::2',
    });
    lab.node('s1').engine.withdraw('2001:db8::53/128');
    lab.clock.advance(10);
    expect(lab.route('e', '2001:db8::53/128')?.state).toBe('garbage');
  });

  it('rejects bad configuration', () => {
    const clock = new VirtualClock();
    const net = new MemoryNetwork(clock);
    const t = net.transport('x');
    expect(
      () => new RipEngine({ interfaces: [{ name: 'a', address: '10.0.0.1' }], transport: t }),
    ).toThrow(RangeError);
    expect(
      () => new RipEngine({ interfaces: [{ name: 'a', address: 'fe80::1/64' }], transport: t }),
    ).toThrow(RangeError);
    expect(() => new RipEngine({ interfaces: [], transport: t, timers: { update: 0 } })).toThrow(
      RangeError,
    );
    const e = new RipEngine({ interfaces: [], transport: t });
    expect(() => e.announce(ANYCAST, 16)).toThrow(RangeError);
  });

  it('cryptographic sequence numbers must not go back, unless the neighbour was silent for a timeout', () => {
    const key: RipAuthKey = { id: 1, algorithm: 'md5', secret: 'k' };
    const clock = new VirtualClock(1_000_000);
    const net = new MemoryNetwork(clock);
    net.attach('e', 'eth0', 'l', '10.0.1.1');
    const e = new RipEngine({
      interfaces: [{ name: 'eth0', address: '10.0.1.1/24', auth: { keys: [key] } }],
      transport: net.transport('e'),
      clock,
    });
    e.start();
    const response = (seq: number, last: number) =>
      signRipPacket(
        {
          command: 2,
          version: 2,
          unused: 0,
          entries: [
            {
              afi: 2,
              tag: 0,
              address: ipv4(0xc6336400 + last),
              mask: ipv4(0xffffffff),
              nextHop: ipv4(0),
              metric: 1,
            },
          ],
        },
        key,
        { sequence: seq },
      );
    const send = (bytes: Uint8Array) =>
      e.receive({ ifname: 'eth0', source: '10.0.1.2', sourcePort: 520, bytes });
    send(response(100, 1));
    send(response(99, 2));
    expect(e.counters('eth0')?.authFailures).toBe(1);
    send(response(100, 3));
    clock.advance(DEFAULT_RIP_TIMERS.timeout + 1);
    send(response(5, 4)); // restarted neighbour
    const learned = e.snapshot().routes.map((r) => r.prefix);
    expect(learned).toContain('198.51.100.4/32');
    expect(learned).not.toContain('198.51.100.2/32');
    expect(e.counters('eth0')?.authFailures).toBe(1);
  });
});
