import { fail, type Reader, type Writer } from '@routekit/wire';
import {
  attributeLength,
  decodeAttributeValue,
  type PathAttribute,
  writeAttribute,
} from '../attribute/attribute.js';
import type { BgpContext } from '../context.js';
import { AttrFlag, AttrTypeCode } from '../iana.js';
import { fastAttribute } from './fast-attribute.js';

/*
 * RFC 6396 §4.3.4: path attributes of a RIB entry are encoded as in an UPDATE, except
 * that MP_REACH_NLRI holds only the next hop (the AFI, SAFI and NLRI are those of the
 * record):
 *
 *   +---------------------------+
 *   | Next Hop Length (1 octet) |
 *   +---------------------------+
 *   | Next Hop (variable)       |
 *   +---------------------------+
 *
 * A value whose first byte is non-zero and equals the bytes that follow is taken as this
 * abbreviated form (a full MP_REACH_NLRI starts with an AFI, whose first byte is 0).
 */
export interface MpReachNextHopAttribute {
  readonly kind: 'mp-reach-next-hop';
  readonly flags: number;
  /** The next hop bytes (4, 16 or 32), a view of the input. */
  readonly nextHop: Uint8Array;
}

/** An attribute of a RIB entry: a BGP path attribute, or the abbreviated MP_REACH_NLRI. */
export type RibAttribute = PathAttribute | MpReachNextHopAttribute;

/** Attributes of one RIB entry, with any bytes that could not be framed as attributes. */
export interface RibAttributes {
  readonly attributes: readonly RibAttribute[];
  /** Bytes after the last attribute that could be framed (usually empty). */
  readonly unparsedAttributes: Uint8Array;
}

/** Hard cap on attributes of one entry. */
export const MAX_RIB_ATTRIBUTES = 4096;

/** Decoding context of TABLE_DUMP_V2 attributes (RFC 6396 §4.3.4: always 4-byte AS). */
export const RIB_CONTEXT: BgpContext = { fourOctetAs: true, addPath: {}, extendedMessage: true };
/** Decoding context of TABLE_DUMP (v1) and type 5 attributes: 2-byte AS. */
export const AS2_CONTEXT: BgpContext = { fourOctetAs: false, addPath: {}, extendedMessage: true };

const EMPTY: Uint8Array = new Uint8Array(0);

/** Read attributes until `r` is used up. Malformed attributes are kept raw (never fails). */
export function readRibAttributes(r: Reader, context: BgpContext): RibAttributes {
  const base = r.offset;
  return readRibAttributesAt(r.rest('attributes'), base, context);
}

/**
 * The same over a byte view whose first byte is at absolute offset `base` (no Reader: this
 * is the hot loop of a RIB dump).
 */
export function readRibAttributesAt(
  b: Uint8Array,
  base: number,
  context: BgpContext,
): RibAttributes {
  const attributes: RibAttribute[] = [];
  let unparsedAttributes: Uint8Array = EMPTY;
  const end = b.length;
  let p = 0;
  while (p < end) {
    if (attributes.length >= MAX_RIB_ATTRIBUTES) fail('limit-exceeded', base + p);
    const flags = b[p]!;
    const header = (flags & AttrFlag.ExtendedLength) !== 0 ? 4 : 3;
    if (end - p < header) {
      unparsedAttributes = b.subarray(p);
      break;
    }
    const type = b[p + 1]!;
    const len = header === 4 ? (b[p + 2]! << 8) | b[p + 3]! : b[p + 2]!;
    if (header + len > end - p) {
      unparsedAttributes = b.subarray(p);
      break;
    }
    const v = p + header;
    p = v + len;
    if (type === AttrTypeCode.MpReachNlri && len >= 2 && b[v] !== 0 && b[v] === len - 1) {
      attributes.push({ kind: 'mp-reach-next-hop', flags, nextHop: b.subarray(v + 1, p) });
      continue;
    }
    const fast = fastAttribute(b, v, len, type, flags, context.fourOctetAs, true);
    attributes.push(
      fast ?? decodeAttributeValue(b.subarray(v, p), base + v, type, flags, context).attribute,
    );
  }
  return { attributes, unparsedAttributes };
}

function oneLength(a: RibAttribute, context: BgpContext): number {
  if (a.kind === 'mp-reach-next-hop') {
    const n = 1 + a.nextHop.length;
    return ((a.flags & AttrFlag.ExtendedLength) !== 0 || n > 255 ? 4 : 3) + n;
  }
  return attributeLength(a, context);
}

/** Encoded length of a RIB entry's attributes (without the 2-byte Attribute Length). */
export function ribAttributesLength(a: RibAttributes, context: BgpContext): number {
  let n = a.unparsedAttributes.length;
  for (const x of a.attributes) n += oneLength(x, context);
  return n;
}

/** Write a RIB entry's attributes (without the 2-byte Attribute Length). */
export function writeRibAttributes(w: Writer, a: RibAttributes, context: BgpContext): void {
  for (const x of a.attributes) {
    if (x.kind === 'mp-reach-next-hop') {
      const n = 1 + x.nextHop.length;
      if (x.nextHop.length > 255) throw new RangeError('next hop longer than 255 bytes');
      const ext = (x.flags & AttrFlag.ExtendedLength) !== 0;
      w.u8(x.flags).u8(AttrTypeCode.MpReachNlri);
      if (ext) w.u16(n);
      else w.u8(n);
      w.u8(x.nextHop.length).bytes(x.nextHop);
    } else {
      writeAttribute(w, x, context);
    }
  }
  w.bytes(a.unparsedAttributes);
}
