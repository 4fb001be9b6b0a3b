import { hex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import {
  exabgpExtendedCommunityString,
  extendedCommunityInfo,
  formatExtendedCommunity,
} from '../src/index.js';

interface Row {
  readonly name: string;
  readonly wire: Uint8Array;
  readonly info: Record<string, unknown>;
  readonly text: string;
  /** ExaBGP's `string` when it differs from `text`. */
  readonly exabgp?: string;
}

const ROWS: readonly Row[] = [
  {
    name: 'route target, 2-octet AS (RFC 4360 §4)',
    wire: hex`0002 fde8 00000064`,
    info: { kind: 'route-target', global: 65000, local: 100, transitive: true },
    text: 'target:65000:100',
  },
  {
    name: 'route target, IPv4 (RFC 4360 §4)',
    wire: hex`0102 c0000201 0007`,
    info: { kind: 'route-target', global: 0xc0000201, local: 7, globalIsAddress: true },
    text: 'target:192.0.2.1:7',
  },
  {
    name: 'route target, 4-octet AS (RFC 5668)',
    wire: hex`0202 fa56ea00 0007`,
    info: { kind: 'route-target', global: 4200000000, local: 7 },
    text: 'target:4200000000:7',
    exabgp: 'target:4200000000L:7',
  },
  {
    name: 'route origin, IPv4',
    wire: hex`0103 02030405 1a85`,
    info: { kind: 'route-origin', global: 0x02030405, local: 6789 },
    text: 'origin:2.3.4.5:6789',
  },
  {
    name: 'route origin, 2-octet AS (ExaBGP prints the local part as an address)',
    wire: hex`0003 0929 06070809`,
    info: { kind: 'route-origin', global: 2345, local: 0x06070809 },
    text: 'origin:2345:101124105',
    exabgp: 'origin:2345:6.7.8.9',
  },
  {
    name: 'link bandwidth (non-transitive 0x4004), 1 Gbit/s = 125,000,000 bytes/s',
    wire: hex`4004 fde8 4cee6b28`,
    info: { kind: 'link-bandwidth', global: 65000, value: 125000000, transitive: false },
    text: 'link-bandwidth:65000:125000000',
    exabgp: 'bandwith:65000:125000000',
  },
  {
    name: 'OSPF domain id (RFC 4577 0x0005)',
    wire: hex`0005 fde8 00000001`,
    info: { kind: 'ospf-domain-id', global: 65000, local: 1 },
    text: 'ospf-domain-id:65000:1',
    exabgp: '',
  },
  {
    name: 'OSPF domain id, IPv4 (0x0105)',
    wire: hex`0105 c0000201 0000`,
    info: { kind: 'ospf-domain-id', global: 0xc0000201, local: 0 },
    text: 'ospf-domain-id:192.0.2.1:0',
    exabgp: '',
  },
  {
    name: 'OSPF route type (RFC 4577 0x0306): area 0, type 5 external, metric-type 2',
    wire: hex`0306 00000000 05 01`,
    info: { kind: 'ospf-route-type', global: 0, value: 5, flags: 1 },
    text: 'ospf-route-type:0.0.0.0:5:1',
    exabgp: '',
  },
  {
    name: 'OSPF router id (RFC 4577 0x0107)',
    wire: hex`0107 c0000201 0000`,
    info: { kind: 'ospf-router-id', global: 0xc0000201 },
    text: 'ospf-router-id:192.0.2.1',
    exabgp: '',
  },
  {
    name: 'OSPF route type, deprecated Cisco form 0x8000 (tshark decodes it)',
    wire: hex`8000 00000000 03 00`,
    info: { kind: 'ospf-route-type', global: 0, value: 3, flags: 0 },
    text: 'ospf-route-type:0.0.0.0:3:0',
    exabgp: '',
  },
  {
    name: 'OSPF router id, deprecated Cisco form 0x8001',
    wire: hex`8001 ac100201 0000`,
    info: { kind: 'ospf-router-id', global: 0xac100201 },
    text: 'ospf-router-id:172.16.2.1',
    exabgp: '',
  },
  {
    name: 'encapsulation VXLAN (RFC 9012 0x030c)',
    wire: hex`030c 00000000 0008`,
    info: { kind: 'encapsulation', value: 8 },
    text: 'encap:VXLAN',
  },
  {
    name: 'color 100 (RFC 9012 0x030b)',
    wire: hex`030b 0000 00000064`,
    info: { kind: 'color', value: 100, flags: 0 },
    text: 'color:100',
    exabgp: '',
  },
  {
    name: 'default gateway (RFC 7432 0x030d)',
    wire: hex`030d 000000000000`,
    info: { kind: 'default-gateway' },
    text: 'default-gateway',
    exabgp: '',
  },
  {
    name: 'flowspec traffic-rate 9600 bytes/s (RFC 8955 0x8006)',
    wire: hex`8006 0000 46160000`,
    info: { kind: 'traffic-rate', global: 0, value: 9600 },
    text: 'rate-limit:9600',
  },
  {
    name: 'flowspec traffic-rate-packets (RFC 8955 0x800c)',
    wire: hex`800c 0000 447a0000`,
    info: { kind: 'traffic-rate-packets', value: 1000 },
    text: 'rate-limit:1000:packets',
  },
  {
    name: 'flowspec traffic-action sample + terminal (0x8007)',
    wire: hex`8007 0000 00000003`,
    info: { kind: 'traffic-action', flags: 3 },
    text: 'action sample-terminal',
  },
  {
    name: 'flowspec redirect, 2-octet AS (0x8008)',
    wire: hex`8008 fde9 00000077`,
    info: { kind: 'redirect', global: 65001, local: 119 },
    text: 'redirect:65001:119',
  },
  {
    name: 'flowspec redirect, IPv4 (0x8108)',
    wire: hex`8108 c0000201 0064`,
    info: { kind: 'redirect', global: 0xc0000201, local: 100, globalIsAddress: true },
    text: 'redirect:192.0.2.1:100',
    exabgp: 'redirect 192.0.2.1:100',
  },
  {
    name: 'flowspec redirect, 4-octet AS (0x8208)',
    wire: hex`8208 fa56ea00 0064`,
    info: { kind: 'redirect', global: 4200000000, local: 100 },
    text: 'redirect:4200000000:100',
  },
  {
    name: 'flowspec traffic-marking DSCP 10 (0x8009)',
    wire: hex`8009 0000 0000000a`,
    info: { kind: 'traffic-marking', value: 10 },
    text: 'mark 10',
  },
  {
    name: 'EVPN MAC mobility, sticky, sequence 5 (RFC 7432 §7.7)',
    wire: hex`0600 01 00 00000005`,
    info: { kind: 'mac-mobility', flags: 1, value: 5 },
    text: 'mac-mobility:5:sticky',
  },
  {
    name: 'EVPN ESI label, single-active, label 100 (RFC 7432 §7.5)',
    wire: hex`0601 01 0000 000641`,
    info: { kind: 'esi-label', flags: 1, value: 100 },
    text: 'esi-label:100:single-active',
    exabgp: '',
  },
  {
    name: 'EVPN ES-import route target (RFC 7432 §7.6)',
    wire: hex`0602 001122334455`,
    info: { kind: 'es-import', mac: '00:11:22:33:44:55' },
    text: 'es-import:00:11:22:33:44:55',
    exabgp: '',
  },
  {
    name: "EVPN router's MAC (RFC 9135 0x0603)",
    wire: hex`0603 0a0b0c0d0e0f`,
    info: { kind: 'router-mac', mac: '0a:0b:0c:0d:0e:0f' },
    text: 'router-mac:0a:0b:0c:0d:0e:0f',
    exabgp: '',
  },
  {
    name: 'origin validation state invalid (RFC 8097 0x4300)',
    wire: hex`4300 0000 00000002`,
    info: { kind: 'origin-validation', value: 2, transitive: false },
    text: 'origin-validation:invalid',
    exabgp: '',
  },
  {
    name: 'unknown type stays hex',
    wire: hex`0f0f 0102 03040506`,
    info: { kind: 'other', type: 0x0f, subtype: 0x0f },
    text: '0f0f010203040506',
    exabgp: '',
  },
];

describe('extended communities (RFC 4360, RFC 5668, RFC 7153 registry)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      expect(extendedCommunityInfo(row.wire)).toMatchObject(row.info);
      expect(formatExtendedCommunity(row.wire)).toBe(row.text);
      expect(exabgpExtendedCommunityString(row.wire)).toBe(row.exabgp ?? row.text);
    });
  }
  it('never throws on short input', () => {
    expect(extendedCommunityInfo(hex`00`).kind).toBe('other');
    expect(formatExtendedCommunity(hex`0002`)).toBe('0002');
  });
});
