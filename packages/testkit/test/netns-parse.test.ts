import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  gobgpStateName,
  parseBirdOspfNeighbors,
  parseBirdProtocols,
  parseBirdRoutes,
  parseRipStatus,
} from '../src/netns/index.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('BIRD output parsers (real BIRD 2.0.12 output)', () => {
  test('show protocols all: one entry per protocol, BGP state, channels with route counts', () => {
    const protos = parseBirdProtocols(fixture('bird-show-protocols-all.txt'));
    expect(protos.map((p) => [p.name, p.proto, p.table, p.state, p.info])).toEqual([
      ['device1', 'Device', '---', 'up', ''],
      ['direct1', 'Direct', '---', 'up', ''],
      ['kernel1', 'Kernel', 'master4', 'up', ''],
      ['frr', 'BGP', '---', 'up', 'Established'],
      ['nobody', 'BGP', '---', 'start', 'Active        Socket: Connection refused'],
      ['ospf1', 'OSPF', 'master4', 'up', 'Running'],
    ]);
    const frr = protos[3]!;
    expect(frr.since).toBe('00:24:38.342');
    expect(frr.bgpState).toBe('Established');
    expect(frr.details).toMatchObject({
      'Neighbor address': '10.0.12.1',
      'Neighbor AS': '65001',
      'Source address': '10.0.12.2',
      'Hold timer': '1.580/3',
    });
    expect(frr.channels).toHaveLength(1);
    expect(frr.channels[0]).toMatchObject({
      name: 'ipv4',
      state: 'UP',
      table: 'master4',
      preference: 100,
      inputFilter: 'ACCEPT',
      outputFilter: '(unnamed)',
      routes: { imported: 1, exported: 1, preferred: 0 },
    });
    expect(frr.channels[0]!.details['BGP Next hop']).toBe('10.0.12.2');
    expect(protos[4]).toMatchObject({ bgpState: 'Active' });
    expect(protos[4]!.details['Last error']).toBe('Socket: Connection refused');
    expect(protos[4]!.channels[0]).toMatchObject({ state: 'DOWN', routes: {} });
    expect(protos[1]!.channels.map((c) => c.name)).toEqual(['ipv4', 'ipv6']);
    expect(protos[0]!.channels).toEqual([]);
  });

  test('show route all: tables, primary flag, preference/metric, next hops, attributes', () => {
    const routes = parseBirdRoutes(fixture('bird-show-route-all.txt'));
    expect(routes.map((r) => [r.table, r.prefix, r.protocol, r.primary])).toEqual([
      ['master4', '192.0.2.1/32', 'rip1', true],
      ['master4', '192.0.2.1/32', 'frr', false],
      ['master4', '10.0.12.0/24', 'ospf1', true],
      ['master4', '192.0.2.53/32', 'direct1', true],
      ['master4', '192.0.2.53/32', 'ospf1', false],
      ['master6', '2001:db8::1/128', 'frr6', true],
      ['master6', '2001:db8::53/128', 'direct1', true],
    ]);
    expect(routes[0]).toEqual({
      table: 'master4',
      prefix: '192.0.2.1/32',
      kind: 'unicast',
      protocol: 'rip1',
      since: '00:24:38.550',
      primary: true,
      preference: 120,
      metric: 2,
      info: '(120/2)',
      nextHops: [{ via: '10.0.12.1', iface: 'b-a' }],
      type: 'RIP univ',
      attributes: { 'RIP.metric': '2', 'RIP.tag': '0000' },
    });
    expect(routes[1]).toMatchObject({
      preference: 100,
      info: '(100) [AS65001i]',
      type: 'BGP univ',
    });
    expect(routes[1]!.metric).toBeUndefined();
    expect(routes[1]!.attributes['BGP.as_path']).toBe('65001');
    expect(routes[2]).toMatchObject({ metric: 10, nextHops: [{ iface: 'b-a' }] });
    expect(routes[5]!.attributes['BGP.next_hop']).toBe('fd00:12::1 fe80::680c:4ff:fef3:66a8');
    expect(parseBirdRoutes('BIRD 2.0.12 ready.\n')).toEqual([]);
  });

  test('show ospf neighbors', () => {
    expect(parseBirdOspfNeighbors(fixture('bird-show-ospf-neighbors.txt'))).toEqual([
      {
        protocol: 'ospf1',
        routerId: '10.0.12.1',
        priority: 1,
        state: 'Full/PtP',
        deadTime: '3.282',
        iface: 'b-a',
        routerIp: '10.0.12.1',
      },
    ]);
  });
});

describe('FRR and GoBGP helpers', () => {
  test('show ip rip status (FRR 8.4 has no JSON form)', () => {
    const s = parseRipStatus(fixture('frr-show-ip-rip-status.txt'));
    expect(s).toMatchObject({
      updateSeconds: 5,
      timeoutSeconds: 15,
      garbageSeconds: 10,
      interfaces: ['a-b'],
      networks: ['10.0.12.0/24'],
      peers: [
        {
          gateway: '10.0.12.2',
          badPackets: 0,
          badRoutes: 0,
          distance: 120,
          lastUpdate: '00:00:01',
        },
      ],
    });
  });

  test('GoBGP session states from numbers (GoBGP 3 JSON) or enum names', () => {
    expect(gobgpStateName(6)).toBe('established');
    expect(gobgpStateName(3)).toBe('active');
    expect(gobgpStateName('SESSION_STATE_ESTABLISHED')).toBe('established');
    expect(gobgpStateName('ESTABLISHED')).toBe('established');
    expect(gobgpStateName(undefined)).toBeUndefined();
    expect(gobgpStateName(42)).toBe('42');
  });
});
