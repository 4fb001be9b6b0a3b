import type { OurFields } from '@routekit/testkit';
import {
  ipv4ToString as ip,
  type LsaHeader,
  type OpaqueTlv,
  type OspfPacket,
} from '../src/index.js';

/** The tshark fields the capture test compares (OSPFv2 dissector names, tshark 4.0). */
export const TSHARK_FIELDS: readonly string[] = [
  'ospf.version',
  'ospf.msg',
  'ospf.packet_length',
  'ospf.srcrouter',
  'ospf.area_id',
  'ospf.checksum',
  'ospf.auth.type',
  'ospf.auth.simple',
  'ospf.auth.crypt.key_id',
  'ospf.auth.crypt.data_length',
  'ospf.auth.crypt.seq_nbr',
  'ospf.auth.crypt.data',
  'ospf.hello.network_mask',
  'ospf.hello.hello_interval',
  'ospf.hello.router_priority',
  'ospf.hello.router_dead_interval',
  'ospf.hello.designated_router',
  'ospf.hello.backup_designated_router',
  'ospf.hello.active_neighbor',
  'ospf.v2.options',
  'ospf.db.interface_mtu',
  'ospf.db.dd_sequence',
  'ospf.link_state_id',
  'ospf.ls.number_of_lsas',
  'ospf.lsa',
  'ospf.lsa.age',
  'ospf.lsa.id',
  'ospf.advrouter',
  'ospf.lsa.seqnum',
  'ospf.lsa.chksum',
  'ospf.lsa.length',
  'ospf.v2.router.lsa.flags',
  'ospf.lsa.number_of_links',
  'ospf.lsa.router.linkid',
  'ospf.lsa.router.linkdata',
  'ospf.lsa.router.linktype',
  'ospf.lsa.router.nummetrics',
  'ospf.lsa.router.metric0',
  'ospf.lsa.network.netmask',
  'ospf.lsa.network.attchrtr',
  'ospf.lsa.asbr.netmask',
  'ospf.lsa.asext.netmask',
  'ospf.lsa.asext.fwdaddr',
  'ospf.lsa.asext.extrttag',
  'ospf.metric',
  'ospf.lsid_opaque_type',
  'ospf.v2.grace.period',
  'ospf.v2.grace.reason',
  'ospf.v2.grace.ip',
  'ospf.mpls.routerid',
  'ospf.mpls.linktype',
  'ospf.mpls.linkid',
  'ospf.mpls.te_metric',
  'ospf.tlv.range_size',
  'ospf.tlv.sid_label',
  'ospf.lsid.opaque_id',
  'ospf.dynhostname',
  'ospf.lsid_te_lsa.instance',
];

/** Our decode of one OSPFv2 packet in tshark's field names and order. */
export function ourFields(p: OspfPacket): OurFields {
  const f: Record<string, (string | number | Uint8Array)[]> = {};
  const put = (k: string, v: string | number | Uint8Array): void => {
    const list = f[k] ?? [];
    list.push(v);
    f[k] = list;
  };
  const h = p.header;
  put('ospf.version', h.version);
  put('ospf.msg', h.type);
  put('ospf.packet_length', h.length);
  put('ospf.srcrouter', ip(h.routerId));
  put('ospf.area_id', ip(h.areaId));
  put('ospf.checksum', h.checksum);
  put('ospf.auth.type', h.authType);
  if (p.auth.kind === 'simple') {
    const end = p.auth.password.indexOf(0);
    put('ospf.auth.simple', String.fromCharCode(...p.auth.password.subarray(0, end < 0 ? 8 : end)));
  } else if (p.auth.kind === 'cryptographic') {
    put('ospf.auth.crypt.key_id', p.auth.keyId);
    put('ospf.auth.crypt.data_length', p.auth.dataLength);
    put('ospf.auth.crypt.seq_nbr', p.auth.sequence);
    put('ospf.auth.crypt.data', p.auth.digest);
  }
  const header = (l: LsaHeader): void => {
    put('ospf.lsa.age', l.age);
    put('ospf.v2.options', l.options);
    put('ospf.lsa', l.type);
    if (l.type >= 9 && l.type <= 11) {
      put('ospf.lsid_opaque_type', l.lsId >>> 24);
      // tshark splits a TE LSA's opaque id into reserved + 16-bit instance.
      if (l.lsId >>> 24 === 1) put('ospf.lsid_te_lsa.instance', l.lsId & 0xffff);
      else put('ospf.lsid.opaque_id', l.lsId & 0xffffff);
    } else put('ospf.lsa.id', ip(l.lsId));
    put('ospf.advrouter', ip(l.advRouter));
    put('ospf.lsa.seqnum', l.seq >>> 0);
    put('ospf.lsa.chksum', l.checksum);
    put('ospf.lsa.length', l.length);
  };
  const b = p.body;
  switch (b.kind) {
    case 'hello':
      put('ospf.hello.network_mask', ip(b.networkMask));
      put('ospf.hello.hello_interval', b.helloInterval);
      put('ospf.v2.options', b.options);
      put('ospf.hello.router_priority', b.priority);
      put('ospf.hello.router_dead_interval', b.deadInterval);
      put('ospf.hello.designated_router', ip(b.designatedRouter));
      put('ospf.hello.backup_designated_router', ip(b.backupDesignatedRouter));
      for (const n of b.neighbors) put('ospf.hello.active_neighbor', ip(n));
      break;
    case 'dbd':
      put('ospf.db.interface_mtu', b.interfaceMtu);
      put('ospf.v2.options', b.options);
      put('ospf.db.dd_sequence', b.sequence);
      for (const l of b.lsaHeaders) header(l);
      break;
    case 'lsr':
      for (const q of b.requests) {
        put('ospf.lsa', q.type);
        put('ospf.link_state_id', ip(q.lsId));
        put('ospf.advrouter', ip(q.advRouter));
      }
      break;
    case 'lsack':
      for (const l of b.lsaHeaders) header(l);
      break;
    case 'lsu':
      put('ospf.ls.number_of_lsas', b.lsas.length);
      for (const lsa of b.lsas) {
        header(lsa.header);
        const body = lsa.body;
        switch (body.kind) {
          case 'router':
            put('ospf.v2.router.lsa.flags', body.flags);
            put('ospf.lsa.number_of_links', body.links.length);
            for (const l of body.links) {
              put('ospf.lsa.router.linkid', ip(l.linkId));
              put('ospf.lsa.router.linkdata', ip(l.linkData));
              put('ospf.lsa.router.linktype', l.type);
              put('ospf.lsa.router.nummetrics', l.tos.length);
              put('ospf.lsa.router.metric0', l.metric);
            }
            break;
          case 'network':
            put('ospf.lsa.network.netmask', ip(body.mask));
            for (const a of body.attachedRouters) put('ospf.lsa.network.attchrtr', ip(a));
            break;
          case 'summary':
            put('ospf.lsa.asbr.netmask', ip(body.mask));
            put('ospf.metric', body.metric);
            for (const t of body.tos) put('ospf.metric', t.metric);
            break;
          case 'external':
            put('ospf.lsa.asext.netmask', ip(body.mask));
            put('ospf.metric', body.metric);
            put('ospf.lsa.asext.fwdaddr', ip(body.forwardingAddress));
            put('ospf.lsa.asext.extrttag', body.routeTag);
            break;
          case 'opaque':
            tlvFields(body.tlvs, put);
            break;
          case 'opaque-raw':
            break;
          case 'unknown':
            break;
        }
      }
      break;
  }
  return f;
}

function tlvFields(
  tlvs: readonly OpaqueTlv[],
  put: (k: string, v: string | number | Uint8Array) => void,
): void {
  for (const t of tlvs) {
    switch (t.kind) {
      case 'grace-period':
        put('ospf.v2.grace.period', t.seconds);
        break;
      case 'grace-reason':
        put('ospf.v2.grace.reason', t.reason);
        break;
      case 'grace-interface-address':
        put('ospf.v2.grace.ip', ip(t.address));
        break;
      case 'te-router-address':
        put('ospf.mpls.routerid', ip(t.address));
        break;
      case 'te-link':
        tlvFields(t.subTlvs, put);
        break;
      case 'te-link-type':
        put('ospf.mpls.linktype', t.linkType);
        break;
      case 'te-link-id':
        put('ospf.mpls.linkid', ip(t.linkId));
        break;
      case 'te-metric':
        put('ospf.mpls.te_metric', t.metric);
        break;
      case 'ri-sid-label-range':
      case 'ri-sr-local-block':
        put('ospf.tlv.range_size', t.rangeSize);
        tlvFields(t.subTlvs, put);
        break;
      case 'sid-label':
        put('ospf.tlv.sid_label', t.sid);
        break;
      case 'ri-hostname':
        put('ospf.dynhostname', t.hostname);
        break;
      case 'extended-prefix-range':
        put('ospf.tlv.range_size', t.rangeSize);
        tlvFields(t.subTlvs, put);
        break;
      case 'prefix-sid':
      case 'adj-sid':
        put('ospf.tlv.sid_label', t.sid);
        break;
      case 'extended-prefix':
      case 'extended-link':
        tlvFields(t.subTlvs, put);
        break;
      default:
        break;
    }
  }
}
