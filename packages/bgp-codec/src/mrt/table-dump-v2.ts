import {
  type Address,
  type Prefix,
  prefixByteLength,
  prefixFromBytes,
  prefixToBytes,
} from '@routekit/prefix';
import { fail, type Reader, type Writer } from '@routekit/wire';
import { readAddress, writeAddress } from './address.js';
import {
  RIB_CONTEXT,
  type RibAttributes,
  readRibAttributesAt,
  ribAttributesLength,
  writeRibAttributes,
} from './attributes.js';
import { PeerType } from './iana.js';

/*
 * RFC 6396 §4.3.1: PEER_INDEX_TABLE.
 *
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                      Collector BGP ID                         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |       View Name Length        |     View Name (variable)      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          Peer Count           |    Peer Entries (variable)
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Peer entry:
 *   +-+-+-+-+-+-+-+-+
 *   |   Peer Type   |   bit 0x01: IPv6 address, bit 0x02: 4-byte AS
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         Peer BGP ID                           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                   Peer IP Address (variable)                  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                        Peer AS (variable)                     |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
export interface PeerEntry {
  /** Peer Type bits (see `PeerType`); the address family and AS size follow from them. */
  readonly peerType: number;
  readonly bgpId: number;
  readonly address: Address;
  readonly asn: number;
}

export interface PeerIndexTableBody {
  readonly kind: 'peer-index-table';
  readonly collectorBgpId: number;
  /** View name bytes as written (usually UTF-8 text), a view of the input. */
  readonly viewName: Uint8Array;
  readonly peers: readonly PeerEntry[];
}

/*
 * RFC 6396 §4.3.2 (RIB_IPV4_UNICAST … RIB_IPV6_MULTICAST) and RFC 8050 §4.1 (the
 * _ADDPATH subtypes, which add a Path Identifier to each entry).
 *
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         Sequence Number                       |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | Prefix Length |         Prefix (variable)                     |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Entry Count           |  RIB Entries (variable)
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * RIB entry (§4.3.4; RFC 8050 adds the Path Identifier):
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Peer Index            |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         Originated Time                       |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                 (Path Identifier, ADDPATH only)               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |      Attribute Length         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    BGP Attributes... (variable)
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
export interface RibEntry extends RibAttributes {
  readonly peerIndex: number;
  readonly originatedTime: number;
  /** RFC 8050 path identifier: present exactly for the _ADDPATH subtypes. */
  readonly pathId?: number;
}

export interface RibBody {
  readonly kind: 'rib';
  readonly afi: 1 | 2;
  readonly safi: 1 | 2;
  readonly addPath: boolean;
  readonly sequence: number;
  readonly prefix: Prefix;
  readonly entries: readonly RibEntry[];
}

/*
 * RFC 6396 §4.3.3 RIB_GENERIC (and RFC 8050 RIB_GENERIC_ADDPATH):
 *
 *   | Sequence Number (4) | AFI (2) | SAFI (1) | NLRI (variable) | Entry Count (2) | entries |
 *
 * The NLRI's length depends on the AFI/SAFI, so everything after the SAFI is kept as
 * bytes.
 */
export interface RibGenericBody {
  readonly kind: 'rib-generic';
  readonly addPath: boolean;
  readonly sequence: number;
  readonly afi: number;
  readonly safi: number;
  /** NLRI, entry count and entries, a view of the input. */
  readonly data: Uint8Array;
}

/** Hard cap on peers of a PEER_INDEX_TABLE and entries of a RIB record (16-bit counts). */
export const MAX_RIB_ENTRIES = 65_535;

export function readPeerIndexTable(r: Reader): PeerIndexTableBody {
  const collectorBgpId = r.u32('peer_index.collector_bgp_id');
  const nameLen = r.u16('peer_index.view_name_length');
  const viewName = r.bytes(nameLen, 'peer_index.view_name');
  const countAt = r.offset;
  const count = r.u16('peer_index.peer_count');
  // Each peer takes at least 1 + 4 + 4 + 2 bytes: check before looping.
  if (count * 11 > r.remaining) {
    fail('truncated', countAt, { length: 2, detail: `${count} peers need ${count * 11}+ bytes` });
  }
  const peers: PeerEntry[] = [];
  for (let i = 0; i < count; i++) {
    const peerType = r.u8('peer.type');
    const bgpId = r.u32('peer.bgp_id');
    const address = readAddress(r, (peerType & PeerType.Ipv6) !== 0 ? 6 : 4, 'peer.ip');
    const asn = (peerType & PeerType.As4) !== 0 ? r.u32('peer.as') : r.u16('peer.as');
    peers.push({ peerType, bgpId, address, asn });
  }
  return { kind: 'peer-index-table', collectorBgpId, viewName, peers };
}

export function peerIndexTableLength(b: PeerIndexTableBody): number {
  let n = 8 + b.viewName.length;
  for (const p of b.peers) {
    n += 5 + ((p.peerType & PeerType.Ipv6) !== 0 ? 16 : 4);
    n += (p.peerType & PeerType.As4) !== 0 ? 4 : 2;
  }
  return n;
}

export function writePeerIndexTable(w: Writer, b: PeerIndexTableBody): void {
  w.u32(b.collectorBgpId).u16(b.viewName.length).bytes(b.viewName).u16(b.peers.length);
  for (const p of b.peers) {
    const v6 = (p.peerType & PeerType.Ipv6) !== 0;
    if (v6 !== (p.address.family === 6)) throw new RangeError('peer type and address disagree');
    w.u8(p.peerType).u32(p.bgpId);
    writeAddress(w, p.address);
    if ((p.peerType & PeerType.As4) !== 0) w.u32(p.asn);
    else w.u16(p.asn);
  }
}

export function readRib(r: Reader, afi: 1 | 2, safi: 1 | 2, addPath: boolean): RibBody {
  const family = afi === 1 ? 4 : 6;
  const sequence = r.u32('rib.sequence');
  const lenAt = r.offset;
  const length = r.u8('rib.prefix_length');
  if (length > (family === 4 ? 32 : 128)) {
    fail('bad-value', lenAt, { length: 1, detail: `prefix length ${length}` });
  }
  const res = prefixFromBytes(family, length, r.bytes(prefixByteLength(length), 'rib.prefix'), {
    hostBits: 'mask',
  });
  if (!res.ok) fail('bad-value', lenAt, { detail: res.error.code });
  const countAt = r.offset;
  const count = r.u16('rib.entry_count');
  const min = addPath ? 12 : 8;
  if (count * min > r.remaining) {
    fail('truncated', countAt, {
      length: 2,
      detail: `${count} entries need ${count * min}+ bytes`,
    });
  }
  const entries: RibEntry[] = [];
  for (let i = 0; i < count; i++) {
    const peerIndex = r.u16('rib.peer_index');
    const originatedTime = r.u32('rib.originated_time');
    const pathId = addPath ? r.u32('rib.path_id') : undefined;
    const attrLen = r.u16('rib.attribute_length');
    const at = r.offset;
    const a = readRibAttributesAt(r.bytes(attrLen, 'rib.attributes'), at, RIB_CONTEXT);
    entries.push(
      pathId === undefined
        ? {
            peerIndex,
            originatedTime,
            attributes: a.attributes,
            unparsedAttributes: a.unparsedAttributes,
          }
        : {
            peerIndex,
            originatedTime,
            pathId,
            attributes: a.attributes,
            unparsedAttributes: a.unparsedAttributes,
          },
    );
  }
  return { kind: 'rib', afi, safi, addPath, sequence, prefix: res.value, entries };
}

export function ribLength(b: RibBody): number {
  let n = 7 + prefixByteLength(b.prefix.length);
  for (const e of b.entries) n += (b.addPath ? 12 : 8) + ribAttributesLength(e, RIB_CONTEXT);
  return n;
}

export function writeRib(w: Writer, b: RibBody): void {
  w.u32(b.sequence).u8(b.prefix.length).bytes(prefixToBytes(b.prefix)).u16(b.entries.length);
  for (const e of b.entries) {
    w.u16(e.peerIndex).u32(e.originatedTime);
    if (b.addPath) w.u32(e.pathId ?? 0);
    w.u16(ribAttributesLength(e, RIB_CONTEXT));
    writeRibAttributes(w, e, RIB_CONTEXT);
  }
}

export function readRibGeneric(r: Reader, addPath: boolean): RibGenericBody {
  const sequence = r.u32('rib_generic.sequence');
  const afi = r.u16('rib_generic.afi');
  const safi = r.u8('rib_generic.safi');
  return { kind: 'rib-generic', addPath, sequence, afi, safi, data: r.rest('rib_generic.data') };
}

export function writeRibGeneric(w: Writer, b: RibGenericBody): void {
  w.u32(b.sequence).u16(b.afi).u8(b.safi).bytes(b.data);
}
