import { type DecodeError, toHex } from '@routekit/wire';
import { ipv4FromString, ipv4ToString } from './addr.js';
import type { Lsa } from './lsa/lsa.js';
import { lsaChecksumOk } from './lsa/lsa.js';
import { floodingScope, Lsdb } from './lsdb.js';
import { decodePacket, type OspfPacket, validatePacket } from './packet/packet.js';
import { spf } from './spf/spf.js';
import type { SpfResult } from './spf/types.js';

const ADDRESS_KEYS = new Set([
  'routerId',
  'areaId',
  'networkMask',
  'designatedRouter',
  'backupDesignatedRouter',
  'neighbors',
  'lsId',
  'advRouter',
  'linkId',
  'linkData',
  'mask',
  'attachedRouters',
  'forwardingAddress',
  'address',
  'addresses',
  'prefix',
]);

const hex = (v: number, digits: number): string =>
  `0x${(v >>> 0).toString(16).padStart(digits, '0')}`;

function jsonSafe(value: unknown, key: string): unknown {
  if (typeof value === 'number' && ADDRESS_KEYS.has(key)) return ipv4ToString(value >>> 0);
  if (typeof value === 'number' && key === 'seq') return hex(value, 8);
  if (typeof value === 'number' && key === 'checksum') return hex(value, 4);
  if (value instanceof Uint8Array) return toHex(value);
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v, key));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'raw') continue;
      out[k] = jsonSafe(v, k);
    }
    return out;
  }
  return value;
}

/** A decoded packet as JSON-friendly data: dotted addresses, `raw` left out, checks added. */
export function packetToJson(p: OspfPacket): Record<string, unknown> {
  const value = jsonSafe(p, '') as Record<string, unknown>;
  const issues = validatePacket(p);
  const out: Record<string, unknown> = { ...value, issues };
  if (p.body.kind === 'lsu') {
    out.lsaChecksums = p.body.lsas.map((l) => (lsaChecksumOk(l) ? 'ok' : 'bad'));
  }
  return out;
}

/**
 * The OSPFv2 decoder in the shape of the CLI's decoder registry
 * (`registerDecoder('ospf', decodeOspfForCli)`): a JSON-friendly packet or the decode
 * error. OSPFv3 packets (version 3) come back as a `bad-version` error.
 */
export function decodeOspfForCli(
  payload: Uint8Array,
  _context?: unknown,
):
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly error: DecodeError } {
  const r = decodePacket(payload);
  if (!r.ok) return r;
  return { ok: true, value: packetToJson(r.value) };
}

/** Statistics of {@link lsdbFromPackets}. */
export interface PacketReplayStats {
  readonly packets: number;
  readonly decoded: number;
  readonly lsas: number;
  readonly installed: number;
}

/**
 * Build an LSDB from OSPF packets (IP payloads, in capture order): every LSA of every
 * Link State Update is installed in its scope (area of the packet; link scope keyed by
 * the packet's source when given) by the §13 rules, except MinLSArrival (arrival times
 * in a capture are not the engine's): the newest instance of each LSA wins.
 */
export function lsdbFromPackets(
  packets: Iterable<Uint8Array | { readonly payload: Uint8Array; readonly link?: string }>,
): { lsdb: Lsdb; stats: PacketReplayStats } {
  const lsdb = new Lsdb();
  let n = 0;
  let decoded = 0;
  let lsas = 0;
  let installed = 0;
  for (const item of packets) {
    n++;
    const bytes = item instanceof Uint8Array ? item : item.payload;
    const link = item instanceof Uint8Array ? undefined : item.link;
    const r = decodePacket(bytes);
    if (!r.ok) continue;
    decoded++;
    if (r.value.body.kind !== 'lsu') continue;
    for (const l of r.value.body.lsas) {
      lsas++;
      const place =
        floodingScope(l.header.type) === 'link' && link !== undefined
          ? { area: r.value.header.areaId, link }
          : { area: r.value.header.areaId };
      const res = lsdb.install(l, place, 0, { ignoreMinLsArrival: true });
      if (res.action === 'installed') installed++;
    }
  }
  return { lsdb, stats: { packets: n, decoded, lsas, installed } };
}

/**
 * `routekit ospf spf <capture> --router <id>`: SPF for `routerId` (dotted or uint32)
 * over the LSAs flooded in `packets` (OSPF IP payloads in capture order).
 */
export function spfFromPackets(
  packets: Iterable<Uint8Array | { readonly payload: Uint8Array; readonly link?: string }>,
  routerId: string | number,
): SpfResult & { readonly stats: PacketReplayStats } {
  const { lsdb, stats } = lsdbFromPackets(packets);
  const id = typeof routerId === 'string' ? ipv4FromString(routerId) : routerId >>> 0;
  const areas = new Map<number, readonly Lsa[]>();
  for (const a of lsdb.areas()) areas.set(a, lsdb.areaLsas(a, 0));
  return { ...spf({ routerId: id, areas, external: lsdb.asLsas(0) }), stats };
}
