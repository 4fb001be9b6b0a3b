import type { Address, Prefix } from '@routekit/prefix';
import type { MpNlri, PathAttribute } from '../attribute/attribute.js';
import { decodeAttributeValue } from '../attribute/attribute.js';
import type { BgpContext } from '../context.js';
import type { UpdateMessage } from '../message/update.js';
import type { Nlri } from '../nlri.js';
import type { RibAttribute } from './attributes.js';
import { fastAttribute } from './fast-attribute.js';
import type { TableDumpBody } from './table-dump.js';
import type { RibBody, RibEntry } from './table-dump-v2.js';

/*
 * bgpdump reads a BGP UPDATE that does not decode strictly (for example ADD-PATH NLRI in a
 * subtype without ADD-PATH) leniently: reads past a field's end give zeros, prefix lengths
 * are not checked, an attribute overrunning its field is dropped. `BgpdumpFormatter` uses
 * this reading for embedded messages kept raw, so its lines match bgpdump's on such data.
 * The prefixes it returns may have lengths beyond 32/128 (printed as read).
 */

class Lenient {
  pos: number;
  constructor(
    readonly b: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }
  get left(): number {
    return this.end - this.pos;
  }
  u8(): number {
    if (this.pos >= this.end) {
      this.pos = this.end;
      return 0;
    }
    return this.b[this.pos++]!;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u32(): number {
    return ((this.u16() << 16) | this.u16()) >>> 0;
  }
  /** A child over the next `n` bytes (fewer when not there); this moves past them. */
  sub(n: number): Lenient {
    const e = Math.min(this.end, this.pos + n);
    const c = new Lenient(this.b, this.pos, e);
    this.pos = e;
    return c;
  }
  /** `n` bytes, zero-padded past the end. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    const k = Math.min(n, this.left);
    out.set(this.b.subarray(this.pos, this.pos + k));
    this.pos += k;
    if (k < n) this.pos = this.end;
    return out;
  }
}

function prefixList(s: Lenient, family: 4 | 6, addPath: boolean): Nlri[] {
  const out: Nlri[] = [];
  const b = s.b;
  while (s.left > 0) {
    const pathId = addPath ? s.u32() : undefined;
    const length = s.u8();
    const n = (length + 7) >> 3;
    if (s.left < n) break;
    const p = s.pos;
    s.pos += n;
    const at = (i: number): number => (i < n ? b[p + i]! : 0);
    // bgpdump copies the prefix bytes into a 16-byte address followed by the length byte:
    // a longer prefix overwrites the length (and is printed that way).
    const shown = n > 16 ? at(16) : length;
    const w = (i: number): number =>
      ((at(i) << 24) | (at(i + 1) << 16) | (at(i + 2) << 8) | at(i + 3)) >>> 0;
    const address: Address =
      family === 4 ? { family: 4, value: w(0) } : { family: 6, words: [w(0), w(4), w(8), w(12)] };
    const prefix = { family, address, length: shown } as unknown as Prefix;
    out.push(pathId === undefined ? { prefix } : { prefix, pathId });
  }
  return out;
}

function routes(routes: readonly Nlri[]): MpNlri {
  return { kind: 'prefixes', routes };
}

function mpReach(s: Lenient, flags: number, addPath: boolean): RibAttribute | undefined {
  if (s.left > 0 && s.b[s.pos] !== 0) {
    const len = s.u8();
    return { kind: 'mp-reach-next-hop', flags, nextHop: s.bytes(Math.max(16, len)) };
  }
  const afi = s.u16();
  const safi = s.u8();
  if (afi < 1 || afi > 2 || safi > 3) return undefined;
  const nhLen = s.u8();
  const nextHop = afi === 1 ? s.bytes(4) : s.bytes(nhLen === 32 ? 32 : 16);
  const snpa = s.u8();
  for (let i = 0; i < snpa; i++) s.sub(s.u8());
  const nlri = routes(prefixList(s, afi === 1 ? 4 : 6, addPath));
  return { kind: 'mp-reach', flags, afi, safi, nextHop, reserved: 0, nlri };
}

function mpUnreach(s: Lenient, flags: number, addPath: boolean): PathAttribute | undefined {
  const afi = s.u16();
  const safi = s.u8();
  if (afi < 1 || afi > 2 || safi > 3) return undefined;
  const withdrawn = routes(prefixList(s, afi === 1 ? 4 : 6, addPath));
  return { kind: 'mp-unreach', flags, afi, safi, withdrawn };
}

/** Read a whole BGP message (marker and header included) the way bgpdump does. */
export function lenientUpdate(
  bytes: Uint8Array,
  as4: boolean,
  addPath: boolean,
): UpdateMessage | undefined {
  const top = new Lenient(bytes, 0, bytes.length);
  // bgpdump ignores a message whose marker is not all ones.
  for (let i = 0; i < 16; i++) if (top.u8() !== 0xff) return undefined;
  const size = top.u16();
  const s = top.sub(size - 18);
  if (s.u8() !== 2) return undefined;
  const withdrawn = prefixList(s.sub(s.u16()), 4, addPath);
  const attributes = attributeList(s.sub(s.u16()), bytes, as4, addPath);
  const nlri = prefixList(s, 4, addPath);
  return {
    kind: 'update',
    withdrawn,
    attributes: attributes as PathAttribute[],
    nlri,
    unparsedAttributes: new Uint8Array(0),
    issues: [],
  };
}

/** An MP_REACH_NLRI / MP_UNREACH_NLRI value that did not decode, read as bgpdump does. */
export function lenientMpAttribute(
  typeCode: number,
  value: Uint8Array,
  flags: number,
  addPath: boolean,
): PathAttribute | RibAttribute | undefined {
  const s = new Lenient(value, 0, value.length);
  return typeCode === 14 ? mpReach(s, flags, addPath) : mpUnreach(s, flags, addPath);
}

/** Attributes until `a` is used up, as bgpdump reads them (a truncated one ends the list). */
function attributeList(
  a: Lenient,
  bytes: Uint8Array,
  as4: boolean,
  addPath: boolean,
): (PathAttribute | RibAttribute)[] {
  const context: BgpContext = { fourOctetAs: as4, addPath: {}, extendedMessage: true };
  const attributes: (PathAttribute | RibAttribute)[] = [];
  while (a.left > 0) {
    const flags = a.u8();
    const type = a.u8();
    const len = (flags & 0x10) !== 0 ? a.u16() : a.u8();
    const v = a.sub(len);
    if (v.left !== len) break;
    let attr: PathAttribute | RibAttribute | undefined;
    if (type === 14) attr = mpReach(v, flags, addPath);
    else if (type === 15) attr = mpUnreach(v, flags, addPath);
    else if (type <= 8 || type === 17 || type === 18) {
      attr = fastAttribute(bytes, v.pos, len, type, flags, as4, false);
      if (attr === undefined) {
        const value = bytes.subarray(v.pos, v.end);
        attr = decodeAttributeValue(value, v.pos, type, flags, context).attribute;
      }
    }
    if (attr !== undefined) attributes.push(attr);
  }
  return attributes;
}

/** A TABLE_DUMP body that did not decode strictly, read as bgpdump does (reads past the end give zeros). */
export function lenientTableDump(data: Uint8Array, family: 4 | 6): TableDumpBody {
  const s = new Lenient(data, 0, data.length);
  const address = (): Address => {
    if (family === 4) return { family: 4, value: s.u32() };
    return { family: 6, words: [s.u32(), s.u32(), s.u32(), s.u32()] };
  };
  const viewNumber = s.u16();
  const sequence = s.u16();
  const prefix = address();
  const prefixLength = s.u8();
  const status = s.u8();
  const originatedTime = s.u32();
  const peerAddress = address();
  const peerAs = s.u16();
  const attributes = attributeList(s.sub(s.u16()), data, false, false);
  return {
    kind: 'table-dump',
    viewNumber,
    sequence,
    prefix,
    prefixLength,
    status,
    originatedTime,
    peerAddress,
    peerAs,
    attributes,
    unparsedAttributes: new Uint8Array(0),
  };
}

/** A RIB body (TABLE_DUMP_V2 unicast subtypes) that did not decode strictly, read as bgpdump does. */
export function lenientRib(data: Uint8Array, afi: 1 | 2, addPath: boolean): RibBody {
  const s = new Lenient(data, 0, data.length);
  const family = afi === 1 ? 4 : 6;
  const sequence = s.u32();
  const length = s.u8();
  const n = (length + 7) >> 3;
  const raw = s.bytes(n);
  const at = (i: number): number => (i < n ? raw[i]! : 0);
  const w = (i: number): number =>
    ((at(i) << 24) | (at(i + 1) << 16) | (at(i + 2) << 8) | at(i + 3)) >>> 0;
  const address: Address =
    family === 4 ? { family: 4, value: w(0) } : { family: 6, words: [w(0), w(4), w(8), w(12)] };
  const prefix = { family, address, length } as unknown as Prefix;
  const count = s.u16();
  const entries: RibEntry[] = [];
  for (let i = 0; i < count && s.left > 0; i++) {
    const peerIndex = s.u16();
    const originatedTime = s.u32();
    const pathId = addPath ? s.u32() : undefined;
    const attributes = attributeList(s.sub(s.u16()), data, true, false);
    const e = { peerIndex, originatedTime, attributes, unparsedAttributes: new Uint8Array(0) };
    entries.push(pathId === undefined ? e : { ...e, pathId });
  }
  return { kind: 'rib', afi, safi: 1, addPath, sequence, prefix, entries };
}
