import type { AsPathSegment } from '../attribute/as-path.js';
import type { MpNlri, PathAttribute } from '../attribute/attribute.js';
import type { UpdateMessage } from '../message/update.js';
import type { Nlri } from '../nlri.js';
import type { RibAttribute } from './attributes.js';
import {
  addressText,
  asPathText,
  bytesIpv4,
  bytesIpv6,
  communityText,
  dotted,
  mergeAs4,
  pathCount,
  prefixText,
  v4Bytes,
} from './bgpdump-text.js';
import type { EmbeddedMessage } from './embedded.js';
import { fastAttribute } from './fast-attribute.js';
import { BGP4MP_MESSAGE_SUBTYPES, Bgp4mpSubtype, MrtType, RIB_SUBTYPES } from './iana.js';
import { lenientMpAttribute, lenientRib, lenientTableDump, lenientUpdate } from './lenient.js';
import type { MrtRecord } from './record.js';
import type { PeerEntry } from './table-dump-v2.js';

/*
 * `bgpdump -m` (RIPE NCC bgpdump 1.6.2) one-line output, reproduced from the decoded
 * records. Lines, by record:
 *
 *   TABLE_DUMP|time|B|peer|peer_as|prefix|as_path|origin|next_hop|local_pref|med|communities|AG/NAG|aggregator|
 *   TABLE_DUMP2[_AP]|time|B|peer|peer_as|prefix|[path_id|]as_path|…same…|
 *   BGP4MP[_ET][_LOCAL or _AP]|time|W|peer|peer_as|prefix[|path_id]
 *   BGP4MP[_ET][_LOCAL or _AP]|time|A|peer|peer_as|prefix|[path_id|]as_path|origin|next_hop|lp|med|communities|AG|aggregator|
 *   BGP4MP[_ET]|time|STATE|peer|peer_as|old|new
 *   BGP|time|W|… / BGP|time|A|… / BGP|time|STATE|…   (deprecated type 5)
 *
 * bgpdump's own rules are kept where they differ from the RFCs: a missing ORIGIN prints
 * INCOMPLETE, a missing NEXT_HOP 255.255.255.255, missing LOCAL_PREF/MED 0; the AS path
 * of a 2-byte-AS message is merged with AS4_PATH counting confederation segments, and not
 * at all when an AGGREGATOR that is not AS_TRANS comes with an AS4_AGGREGATOR; only the
 * well-known communities NO_EXPORT, NO_ADVERTISE, NO_EXPORT_SUBCONFED have names
 * (no-export, no-advertise, local-AS); large and extended communities are not printed;
 * the type 5 A line has no `|` before the communities; PEER_INDEX_TABLE, RIB_GENERIC,
 * multicast RIBs and non-UPDATE messages print nothing; time is the record's, with
 * `.uuuuuu` for _ET records.
 */

const NONE = 0xffffffff;

/** What one line needs from a set of attributes, in bgpdump's terms. */
interface Summary {
  /** `as_path|origin` part. */
  readonly asPath: string;
  readonly origin: string;
  readonly nextHop: number;
  readonly localPref: number;
  readonly med: number;
  /** `communities|AG|aggregator|` tail (starts after the med's `|`). */
  readonly tail: string;
  /** Communities text, or undefined when there is no COMMUNITIES attribute. */
  readonly communities: string | undefined;
  readonly atomic: string;
  readonly aggregator: string;
  /** MP_REACH_NLRI (full form) by `afi/safi`, first one only; undefined when none. */
  readonly mpReach: Map<string, { nextHop: Uint8Array; nlri: MpNlri }> | undefined;
  readonly mpUnreach: Map<string, MpNlri> | undefined;
  /** Next hop of an abbreviated (RIB) MP_REACH, or of an IPv6 unicast one. */
  readonly ipv6NextHop: Uint8Array | undefined;
}

const ORIGINS = ['IGP', 'EGP', 'INCOMPLETE'];
const AS_TRANS = 23_456;

function summarize(
  attrs: readonly (PathAttribute | RibAttribute)[],
  as4: boolean,
  addPath = false,
): Summary {
  let asPath: readonly AsPathSegment[] | undefined;
  let as4Path: readonly AsPathSegment[] | undefined;
  let origin = 'INCOMPLETE';
  let nextHop = NONE;
  let localPref = 0;
  let med = 0;
  let communities: string | undefined;
  let atomic = 'NAG';
  let aggAs: number | undefined;
  let aggAddr = NONE;
  let agg4As: number | undefined;
  let agg4Addr = NONE;
  let ipv6NextHop: Uint8Array | undefined;
  let mpReach: Map<string, { nextHop: Uint8Array; nlri: MpNlri }> | undefined;
  let asPathError = false;
  let mpUnreach: Map<string, MpNlri> | undefined;
  for (const attr of attrs) {
    let a = attr;
    if (a.kind === 'raw') {
      // A known attribute kept raw (bad flags or value): read it as bgpdump does.
      const t = a.typeCode;
      if (t === 14 || t === 15) a = lenientMpAttribute(t, a.value, a.flags, addPath) ?? a;
      else if (t === 1 && a.value.length > 0) {
        origin = ORIGINS[a.value[0]!] ?? 'INCOMPLETE';
        continue;
      } else if (t === 2) {
        const v = a.value;
        a = fastAttribute(v, 0, v.length, 2, a.flags, as4, false) ?? a;
        if (a.kind === 'raw') asPathError = true;
      } else if (t <= 8 || t === 17 || t === 18) {
        a = fastAttribute(a.value, 0, a.value.length, t, a.flags, as4, false) ?? a;
      }
    }
    switch (a.kind) {
      case 'origin':
        origin = ORIGINS[a.origin] ?? 'INCOMPLETE';
        break;
      case 'as-path':
        asPath ??= a.segments;
        break;
      case 'as4-path':
        as4Path ??= a.segments;
        break;
      case 'next-hop':
        nextHop = a.nextHop;
        break;
      case 'med':
        med = a.value;
        break;
      case 'local-pref':
        localPref = a.value;
        break;
      case 'atomic-aggregate':
        atomic = 'AG';
        break;
      case 'aggregator':
        aggAs = a.asn;
        aggAddr = a.address;
        break;
      case 'as4-aggregator':
        agg4As = a.asn;
        agg4Addr = a.address;
        break;
      case 'communities':
        communities ??= communityText(a.communities);
        break;
      case 'mp-reach-next-hop':
        ipv6NextHop ??= a.nextHop;
        break;
      case 'mp-reach': {
        const key = `${a.afi}/${a.safi}`;
        mpReach ??= new Map();
        if (!mpReach.has(key)) mpReach.set(key, { nextHop: a.nextHop, nlri: a.nlri });
        if (a.afi === 2 && a.safi === 1) ipv6NextHop ??= a.nextHop;
        break;
      }
      case 'mp-unreach': {
        const key = `${a.afi}/${a.safi}`;
        mpUnreach ??= new Map();
        if (!mpUnreach.has(key)) mpUnreach.set(key, a.withdrawn);
        break;
      }
      case 'raw':
        if (a.typeCode === 6) atomic = 'AG';
        break;
      default:
        break;
    }
  }
  let path = asPath;
  let mergePaths = true;
  if (!as4 && aggAs !== undefined && agg4As !== undefined) {
    if (aggAs !== AS_TRANS) mergePaths = false;
    else {
      aggAs = agg4As;
      aggAddr = agg4Addr;
    }
  }
  if (!as4 && mergePaths && path !== undefined && as4Path !== undefined) {
    if (pathCount(path) >= pathCount(as4Path)) path = mergeAs4(path, as4Path);
  }
  const aggregator = aggAddr !== NONE && aggAs !== undefined ? `${aggAs} ${dotted(aggAddr)}|` : '|';
  const tail = `${communities ?? ''}|${atomic}|${aggregator}`;
  return {
    asPath:
      asPathError && path === undefined ? '! Error !' : path === undefined ? '' : asPathText(path),
    origin,
    nextHop,
    localPref,
    med,
    tail,
    communities,
    atomic,
    aggregator,
    mpReach,
    mpUnreach,
    ipv6NextHop,
  };
}

function timeText(r: MrtRecord): string {
  if (r.microseconds === undefined || r.type !== MrtType.Bgp4mpEt) return `${r.timestamp}`;
  return `${r.timestamp}.${String(r.microseconds).padStart(6, '0')}`;
}

const FAMILY_ORDER = ['1/1', '1/2', '1/3', '2/1', '2/2', '2/3'];

function routesOf(n: MpNlri | undefined): readonly Nlri[] {
  return n !== undefined && n.kind === 'prefixes' ? n.routes : [];
}

/**
 * Stateful `bgpdump -m` formatter: remembers the last PEER_INDEX_TABLE for the
 * TABLE_DUMP_V2 RIB records that follow it.
 */
export class BgpdumpFormatter {
  #peers: readonly PeerEntry[] = [];

  /** The peers of the last PEER_INDEX_TABLE seen (empty before one). */
  get peers(): readonly PeerEntry[] {
    return this.#peers;
  }

  /** `peer|peer_as|` of each peer of the table, made once per table. */
  #peerText: readonly string[] = [];

  /** The lines `bgpdump -m` prints for `record` (none for many record kinds). */
  format(record: MrtRecord): string[] {
    const out: string[] = [];
    this.formatInto(record, out);
    return out;
  }

  /** Append the lines for `record` to `out` (no per-record array). */
  formatInto(r: MrtRecord, out: string[]): void {
    const b = r.body;
    switch (b.kind) {
      case 'peer-index-table':
        this.#peers = b.peers;
        this.#peerText = b.peers.map((p) => `${addressText(p.address)}|${p.asn}|`);
        return;
      case 'raw':
        // A TABLE_DUMP body that did not decode: bgpdump still prints what it reads.
        if (r.type === MrtType.TableDump && (r.subtype === 1 || r.subtype === 2)) {
          this.formatInto({ ...r, body: lenientTableDump(b.data, r.subtype === 1 ? 4 : 6) }, out);
        } else if (r.type === MrtType.TableDumpV2) {
          const rib = RIB_SUBTYPES[r.subtype];
          if (rib !== undefined && rib.safi === 1) {
            this.formatInto({ ...r, body: lenientRib(b.data, rib.afi, rib.addPath) }, out);
          }
        }
        return;
      case 'table-dump': {
        const s = summarize(b.attributes, false);
        const nh = s.ipv6NextHop !== undefined ? bytesIpv6(s.ipv6NextHop) : dotted(s.nextHop);
        out.push(
          `TABLE_DUMP|${r.timestamp}|B|${addressText(b.peerAddress)}|${b.peerAs}|${addressText(b.prefix)}/${b.prefixLength}|${s.asPath}|${s.origin}|${nh}|${s.localPref}|${s.med}|${s.tail}`,
        );
        return;
      }
      case 'rib': {
        if (b.safi !== 1) return;
        const head = b.addPath
          ? `TABLE_DUMP2_AP|${r.timestamp}|B|`
          : `TABLE_DUMP2|${r.timestamp}|B|`;
        const prefix = prefixText(b.prefix);
        for (const e of b.entries) {
          const peer = this.#peerText[e.peerIndex];
          if (peer === undefined) continue;
          const s = summarize(e.attributes, true);
          const nh = s.ipv6NextHop !== undefined ? bytesIpv6(s.ipv6NextHop) : dotted(s.nextHop);
          const id = b.addPath ? `${e.pathId ?? 0}|` : '';
          out.push(
            `${head}${peer}${prefix}|${id}${s.asPath}|${s.origin}|${nh}|${s.localPref}|${s.med}|${s.tail}`,
          );
        }
        return;
      }
      case 'bgp4mp-state-change': {
        // bgpdump prints nothing for a state change of unexpected length.
        if (r.trailing !== undefined) return;
        const fmt = r.type === MrtType.Bgp4mpEt ? 'BGP4MP_ET' : 'BGP4MP';
        out.push(
          `${fmt}|${timeText(r)}|STATE|${addressText(b.peerAddress)}|${b.peerAs}|${b.oldState}|${b.newState}`,
        );
        return;
      }
      case 'bgp4mp-message': {
        const flags =
          BGP4MP_MESSAGE_SUBTYPES[r.subtype] ?? BGP4MP_MESSAGE_SUBTYPES[Bgp4mpSubtype.Message]!;
        let fmt = r.type === MrtType.Bgp4mpEt ? 'BGP4MP_ET' : 'BGP4MP';
        // bgpdump 1.6.2 names LOCAL messages BGP4MP[_ET]_LOCAL, but LOCAL_ADDPATH ones
        // BGP4MP[_ET]_AP, and prints their second (local) address and AS.
        if (flags.addPath) fmt += '_AP';
        else if (flags.local) fmt += '_LOCAL';
        const m = embeddedUpdate(b.message, flags.as4, flags.addPath);
        if (m === undefined) return;
        const peer =
          flags.local && flags.addPath
            ? `${addressText(b.localAddress)}|${b.localAs}|`
            : `${addressText(b.peerAddress)}|${b.peerAs}|`;
        // bgpdump formats the peer of an IPv6 withdrawal in a LOCAL message of an IPv4
        // session as an IPv6 address (the 4 bytes, then zeros).
        const peer6 =
          flags.local && !flags.addPath && b.peerAddress.family === 4
            ? `${bytesIpv6(v4Bytes(b.peerAddress.value))}|${b.peerAs}|`
            : peer;
        this.#update(m, `${fmt}|${timeText(r)}|`, peer, peer6, flags.as4, flags.addPath, out);
        return;
      }
      case 'bgp-state-change':
        out.push(
          `BGP|${r.timestamp}|STATE|${addressText(b.peerAddress)}|${b.peerAs}|${b.oldState}|${b.newState}`,
        );
        return;
      case 'bgp-message': {
        if (r.subtype !== 1) return;
        const m = b.message.kind === 'decoded' ? (b.message.message as UpdateMessage) : undefined;
        if (m === undefined) return;
        const head = `BGP|${r.timestamp}|`;
        const peer = `${addressText(b.peerAddress)}|${b.peerAs}|`;
        // bgpdump formats both addresses of a type 5 W line with one inet_ntoa() buffer:
        // the prefix shows the peer's address.
        const self = addressText(b.peerAddress);
        for (const w of m.withdrawn) out.push(`${head}W|${peer}${self}/${w.prefix.length}`);
        if (m.nlri.length === 0) return;
        const s = summarize(m.attributes, false);
        const tail = `|${dotted(s.nextHop)}|${s.localPref}|${s.med}${s.communities ?? ''}|${s.atomic}|${s.aggregator}`;
        for (const a of m.nlri) {
          out.push(`${head}A|${peer}${prefixText(a.prefix)}|${s.asPath}|${s.origin}${tail}`);
        }
        return;
      }
      default:
        return;
    }
  }

  #update(
    m: UpdateMessage,
    head: string,
    peer: string,
    peer6: string,
    as4: boolean,
    addPath: boolean,
    out: string[],
  ): void {
    const s = summarize(m.attributes, as4, addPath);
    const w = `${head}W|${peer}`;
    for (const x of m.withdrawn) {
      out.push(
        addPath ? `${w}${prefixText(x.prefix)}|${x.pathId ?? 0}` : `${w}${prefixText(x.prefix)}`,
      );
    }
    const unreach = s.mpUnreach;
    const w6 = `${head}W|${peer6}`;
    for (const key of unreach === undefined ? [] : FAMILY_ORDER) {
      const h = key.startsWith('2/') ? w6 : w;
      for (const x of routesOf(unreach?.get(key))) {
        out.push(
          addPath ? `${h}${prefixText(x.prefix)}|${x.pathId ?? 0}` : `${h}${prefixText(x.prefix)}`,
        );
      }
    }
    const a = `${head}A|${peer}`;
    const rest = `${s.asPath}|${s.origin}|`;
    if (m.nlri.length > 0) {
      const tail = `${dotted(s.nextHop)}|${s.localPref}|${s.med}|${s.tail}`;
      for (const x of m.nlri) {
        const id = addPath ? `|${x.pathId ?? 0}` : '';
        out.push(`${a}${prefixText(x.prefix)}${id}|${rest}${tail}`);
      }
    }
    const reach = s.mpReach;
    for (const key of reach === undefined ? [] : FAMILY_ORDER) {
      const mp = reach?.get(key);
      if (mp === undefined) continue;
      const v6 = key.startsWith('2/');
      // bgpdump prints LOCAL_PREF and MED of IPv4 MP routes as signed integers, and their
      // next hop as IPv6 unless it has 4 bytes.
      const tail = v6
        ? `${bytesIpv6(mp.nextHop)}|${s.localPref}|${s.med}|${s.tail}`
        : `${mp.nextHop.length === 4 ? bytesIpv4(mp.nextHop) : bytesIpv6(mp.nextHop)}|${s.localPref | 0}|${s.med | 0}|${s.tail}`;
      for (const x of routesOf(mp.nlri)) {
        const id = addPath ? `|${x.pathId ?? 0}` : '';
        out.push(`${a}${prefixText(x.prefix)}${id}|${rest}${tail}`);
      }
    }
  }
}

function embeddedUpdate(
  m: EmbeddedMessage,
  as4: boolean,
  addPath: boolean,
): UpdateMessage | undefined {
  if (m.kind === 'decoded') return m.message.kind === 'update' ? m.message : undefined;
  return lenientUpdate(m.bytes, as4, addPath);
}
