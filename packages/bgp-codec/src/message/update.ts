import { fail, type Reader, type Writer } from '@routekit/wire';
import {
  type AttributeProblem,
  attributeLength,
  attributeTypeCode,
  decodeAttributeValue,
  type PathAttribute,
  writeAttribute,
} from '../attribute/attribute.js';
import { nextHopProblem } from '../attribute/semantic.js';
import { type BgpContext, receivesPathId, sendsPathId } from '../context.js';
import { type BgpAction, worstAction } from '../errors.js';
import { AttrFlag, AttrTypeCode } from '../iana.js';
import { type Nlri, nlriListLength, readNlriList, writeNlriList } from '../nlri.js';

/*
 * RFC 4271 §4.3: UPDATE message (after the header).
 *
 *   +-----------------------------------------------------+
 *   |   Withdrawn Routes Length (2 octets)                |
 *   +-----------------------------------------------------+
 *   |   Withdrawn Routes (variable)                       |
 *   +-----------------------------------------------------+
 *   |   Total Path Attribute Length (2 octets)            |
 *   +-----------------------------------------------------+
 *   |   Path Attributes (variable)                        |
 *   +-----------------------------------------------------+
 *   |   Network Layer Reachability Information (variable) |
 *   +-----------------------------------------------------+
 */

/** An RFC 7606 problem found in an UPDATE that still decoded. */
export interface UpdateIssue extends AttributeProblem {
  /** Type code of the attribute concerned. */
  readonly typeCode: number;
}

export interface UpdateMessage {
  readonly kind: 'update';
  readonly withdrawn: readonly Nlri[];
  readonly attributes: readonly PathAttribute[];
  readonly nlri: readonly Nlri[];
  /**
   * RFC 7606 §4: attribute bytes that could not be framed (an attribute overruns the
   * path attributes field); kept so the message re-encodes as received. Usually empty.
   */
  readonly unparsedAttributes: Uint8Array;
  /** RFC 7606 problems, in wire order; empty for a well-formed UPDATE. */
  readonly issues: readonly UpdateIssue[];
}

/** Hard cap on attributes in one UPDATE. */
export const MAX_ATTRIBUTES = 4096;

/** The worst RFC 7606 action the UPDATE's issues call for, or `undefined` if none. */
export function updateAction(m: UpdateMessage): BgpAction | undefined {
  let worst: BgpAction | undefined;
  for (const i of m.issues) worst = worst === undefined ? i.action : worstAction(worst, i.action);
  return worst;
}

export function readUpdate(r: Reader, context: BgpContext): UpdateMessage {
  const wLenAt = r.offset;
  const wLen = r.u16('update.withdrawn_length');
  if (wLen + 2 > r.remaining) {
    fail('malformed-attribute-list', wLenAt, {
      length: 2,
      detail: `withdrawn length ${wLen} overruns the message`,
    });
  }
  const withdrawn = readNlriList(r.sub(wLen, 'update.withdrawn'), 4, receivesPathId(context, 1, 1));
  const aLenAt = r.offset;
  const aLen = r.u16('update.attributes_length');
  if (aLen > r.remaining) {
    fail('malformed-attribute-list', aLenAt, {
      length: 2,
      detail: `attribute length ${aLen} overruns the message`,
    });
  }
  const ar = r.sub(aLen, 'update.attributes');
  const attributes: PathAttribute[] = [];
  const issues: UpdateIssue[] = [];
  const seen = new Set<number>();
  let unparsedAttributes: Uint8Array = new Uint8Array(0);
  let nextHopAt = -1;
  while (ar.remaining > 0) {
    if (attributes.length >= MAX_ATTRIBUTES)
      fail('limit-exceeded', ar.offset, { detail: 'too many attributes' });
    const start = ar.offset;
    const header =
      ar.remaining >= 2 ? 3 + ((ar.peekU8() & AttrFlag.ExtendedLength) !== 0 ? 1 : 0) : 3;
    if (ar.remaining < header) {
      issues.push({ code: 'truncated', offset: start, typeCode: 0, action: 'treat-as-withdraw' });
      unparsedAttributes = ar.rest();
      break;
    }
    const peek = ar.peekBytes(header);
    const flags = peek[0]!;
    const type = peek[1]!;
    const len = header === 4 ? (peek[2]! << 8) | peek[3]! : peek[2]!;
    if (header + len > ar.remaining) {
      // RFC 7606 §4: an attribute overrunning the field → treat-as-withdraw.
      issues.push({
        code: 'attribute-length',
        offset: start,
        detail: `attribute ${type} length ${len} overruns`,
        typeCode: type,
        action: 'treat-as-withdraw',
      });
      unparsedAttributes = ar.rest();
      break;
    }
    ar.skip(header, 'attribute.header');
    const valueOffset = ar.offset;
    const value = ar.bytes(len, 'attribute.value');
    const { attribute, problem } = decodeAttributeValue(value, valueOffset, type, flags, context);
    if (type === AttrTypeCode.NextHop && nextHopAt < 0) nextHopAt = valueOffset;
    if (problem !== undefined) issues.push({ ...problem, typeCode: type });
    if (seen.has(type)) {
      // RFC 7606 §3.g: repeats are discarded, except MP_(UN)REACH → session reset.
      const mp = type === AttrTypeCode.MpReachNlri || type === AttrTypeCode.MpUnreachNlri;
      issues.push({
        code: 'duplicate-attribute',
        offset: start,
        typeCode: type,
        action: mp ? 'session-reset' : 'attribute-discard',
      });
    }
    seen.add(type);
    attributes.push(attribute);
  }
  const nlri = readNlriList(r.sub(r.remaining, 'update.nlri'), 4, receivesPathId(context, 1, 1));
  if (nlri.length > 0 || seen.has(AttrTypeCode.MpReachNlri)) {
    // RFC 7606 §3.d: a missing well-known mandatory attribute → treat-as-withdraw.
    const required: number[] = [AttrTypeCode.Origin, AttrTypeCode.AsPath];
    if (nlri.length > 0) required.push(AttrTypeCode.NextHop);
    for (const t of required) {
      // RFC 8205 §3: a BGPsec UPDATE carries BGPsec_PATH instead of AS_PATH.
      const present =
        seen.has(t) || (t === AttrTypeCode.AsPath && seen.has(AttrTypeCode.BgpsecPath));
      if (!present) {
        issues.push({
          code: 'missing-well-known',
          offset: aLenAt,
          typeCode: t,
          action: 'treat-as-withdraw',
        });
      }
    }
  }
  // RFC 4271 §6.3 / RFC 7606 §7.3: a NEXT_HOP that is no host address, when it is used
  // (RFC 4760 §3: without IPv4 NLRI the NEXT_HOP is ignored).
  const nh = nlri.length > 0 ? nextHopProblem(attributes) : undefined;
  if (nh !== undefined) issues.push({ ...nh, offset: nextHopAt, typeCode: AttrTypeCode.NextHop });
  return { kind: 'update', withdrawn, attributes, nlri, unparsedAttributes, issues };
}

function attributesLength(m: UpdateMessage, context: BgpContext): number {
  let n = m.unparsedAttributes.length;
  for (const a of m.attributes) n += attributeLength(a, context);
  return n;
}

export function updateBodyLength(m: UpdateMessage, context: BgpContext): number {
  const ap = sendsPathId(context, 1, 1);
  return (
    4 + nlriListLength(m.withdrawn, ap) + attributesLength(m, context) + nlriListLength(m.nlri, ap)
  );
}

export function writeUpdate(w: Writer, m: UpdateMessage, context: BgpContext): void {
  const ap = sendsPathId(context, 1, 1);
  w.u16(nlriListLength(m.withdrawn, ap));
  writeNlriList(w, m.withdrawn, ap);
  const aLen = attributesLength(m, context);
  if (aLen > 0xffff) throw new RangeError(`path attributes of ${aLen} bytes exceed 65535`);
  w.u16(aLen);
  for (const a of m.attributes) writeAttribute(w, a, context);
  w.bytes(m.unparsedAttributes);
  writeNlriList(w, m.nlri, ap);
}

/** The first attribute with this type code, if any. */
export function findAttribute(m: UpdateMessage, typeCode: number): PathAttribute | undefined {
  return m.attributes.find((a) => attributeTypeCode(a) === typeCode);
}
