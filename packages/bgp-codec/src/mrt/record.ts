import {
  type Decoded,
  decode,
  fail,
  isDecodeFailure,
  type Reader,
  type WireErrorCode,
  Writer,
} from '@routekit/wire';
import {
  type BgpMessageBody,
  type BgpStateChangeBody,
  bgpMessageLength,
  readBgpMessage,
  readBgpStateChange,
  writeBgpMessage,
  writeBgpStateChange,
} from './bgp.js';
import {
  type Bgp4mpMessageBody,
  type Bgp4mpStateChangeBody,
  messageBodyLength,
  readMessage,
  readStateChange,
  stateChangeLength,
  writeMessage,
  writeStateChange,
} from './bgp4mp.js';
import { MAX_RECORD_LENGTH, type MrtDecodeError, type MrtErrorCode } from './errors.js';
import {
  BGP4MP_MESSAGE_SUBTYPES,
  Bgp4mpSubtype,
  BgpSubtype,
  isExtendedTimestampType,
  MrtType,
  RIB_SUBTYPES,
  TableDumpV2Subtype,
} from './iana.js';
import {
  readTableDump,
  type TableDumpBody,
  tableDumpLength,
  writeTableDump,
} from './table-dump.js';
import {
  type PeerIndexTableBody,
  peerIndexTableLength,
  type RibBody,
  type RibGenericBody,
  readPeerIndexTable,
  readRib,
  readRibGeneric,
  ribLength,
  writePeerIndexTable,
  writeRib,
  writeRibGeneric,
} from './table-dump-v2.js';

/*
 * RFC 6396 §2 / §3: MRT common header, and the Extended Timestamp header of the _ET
 * types, whose Microsecond Timestamp counts in the Length.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                           Timestamp                           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |             Type              |            Subtype            |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                             Length                            |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                 Microsecond Timestamp (_ET only)              |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                      Message... (variable)
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
export const MRT_HEADER_LENGTH = 12;

/** A record whose type or subtype is not decoded, or whose body did not decode. */
export interface RawBody {
  readonly kind: 'raw';
  /** The body bytes (after the header and microseconds), a view of the input. */
  readonly data: Uint8Array;
  /** Why the body did not decode, when it was a known type. */
  readonly error?: MrtDecodeError;
}

export type MrtBody =
  | TableDumpBody
  | PeerIndexTableBody
  | RibBody
  | RibGenericBody
  | Bgp4mpStateChangeBody
  | Bgp4mpMessageBody
  | BgpMessageBody
  | BgpStateChangeBody
  | RawBody;

/** One MRT record. `type`/`subtype` decide how `body` is encoded. */
export interface MrtRecord {
  /** Seconds since the Unix epoch (uint32). */
  readonly timestamp: number;
  readonly type: number;
  readonly subtype: number;
  /** Extended-timestamp types (BGP4MP_ET, ISIS_ET, OSPFv3_ET) only. */
  readonly microseconds?: number;
  readonly body: MrtBody;
  /** Bytes after the body's last field, kept so the record re-encodes as read. */
  readonly trailing?: Uint8Array;
}

function readBody(r: Reader, type: number, subtype: number, decodeMessages: boolean): MrtBody {
  switch (type) {
    case MrtType.TableDump:
      if (subtype === 1 || subtype === 2) return readTableDump(r, subtype === 1 ? 4 : 6);
      break;
    case MrtType.TableDumpV2: {
      if (subtype === TableDumpV2Subtype.PeerIndexTable) return readPeerIndexTable(r);
      const rib = RIB_SUBTYPES[subtype];
      if (rib !== undefined) return readRib(r, rib.afi, rib.safi, rib.addPath);
      if (subtype === TableDumpV2Subtype.RibGeneric) return readRibGeneric(r, false);
      if (subtype === TableDumpV2Subtype.RibGenericAddPath) return readRibGeneric(r, true);
      break;
    }
    case MrtType.Bgp4mp:
    case MrtType.Bgp4mpEt: {
      if (subtype === Bgp4mpSubtype.StateChange) return readStateChange(r, false);
      if (subtype === Bgp4mpSubtype.StateChangeAs4) return readStateChange(r, true);
      const m = BGP4MP_MESSAGE_SUBTYPES[subtype];
      if (m !== undefined) return readMessage(r, m.as4, m.addPath, decodeMessages);
      break;
    }
    case MrtType.Bgp:
      if (subtype === BgpSubtype.StateChange) return readBgpStateChange(r);
      if (
        subtype === BgpSubtype.Update ||
        subtype === BgpSubtype.Open ||
        subtype === BgpSubtype.Notify ||
        subtype === BgpSubtype.Keepalive
      ) {
        return readBgpMessage(r, subtype);
      }
      break;
  }
  return { kind: 'raw', data: r.rest('body') };
}

/** Options of {@link decodeMrtRecord}. */
export interface MrtDecodeOptions {
  /** Offset of `bytes[0]` in the file, for error offsets (default 0). */
  readonly baseOffset?: number;
  /**
   * `'decode'` (default): BGP messages of BGP4MP records are decoded. `'raw'`: they are
   * left as `{ kind: 'raw', bytes }` without an error, for readers that only need some of
   * them (decode those with `decodeMessage`); `BgpdumpFormatter` reads raw ones itself.
   */
  readonly messages?: 'decode' | 'raw';
}

/**
 * Decode the record at the start of `bytes` (`bytesRead` = header + length). Total: never
 * throws. Fails only when the record itself cannot be framed (short input, length over
 * {@link MAX_RECORD_LENGTH}, an _ET record shorter than its microseconds); a body that does
 * not decode gives a `raw` body with its error, and a BGP message that does not decode is
 * kept raw with its error. Views alias `bytes`.
 */
export function decodeMrtRecord(
  bytes: Uint8Array,
  options?: MrtDecodeOptions,
): Decoded<MrtRecord, MrtErrorCode | WireErrorCode> {
  return decode<MrtRecord, MrtErrorCode>(
    bytes,
    (r) => {
      const start = r.offset;
      if (r.remaining < MRT_HEADER_LENGTH) {
        fail('truncated-record', start, { length: r.remaining, detail: 'incomplete MRT header' });
      }
      const timestamp = r.u32('mrt.timestamp');
      const type = r.u16('mrt.type');
      const subtype = r.u16('mrt.subtype');
      const length = r.u32('mrt.length');
      if (length > MAX_RECORD_LENGTH) {
        fail('record-too-long', start + 8, { length: 4, detail: `length ${length}` });
      }
      if (length > r.remaining) {
        fail('truncated-record', start, {
          length: MRT_HEADER_LENGTH + length,
          detail: `record of ${length} bytes, ${r.remaining} left`,
        });
      }
      const body = r.sub(length, 'mrt.body');
      let microseconds: number | undefined;
      if (isExtendedTimestampType(type)) {
        if (length < 4)
          fail('truncated-record', start + 8, { length: 4, detail: 'no microseconds' });
        microseconds = body.u32('mrt.microseconds');
      }
      const all = body.peekBytes(body.remaining);
      let value: MrtBody;
      let trailing: Uint8Array | undefined;
      try {
        value = readBody(body, type, subtype, options?.messages !== 'raw');
        if (body.remaining > 0) trailing = body.rest();
      } catch (e) {
        // A body that does not decode is kept raw with its error; other exceptions are bugs.
        if (!isDecodeFailure(e)) throw e;
        value = { kind: 'raw', data: all, error: e.error as MrtDecodeError };
      }
      const rec: { -readonly [K in keyof MrtRecord]: MrtRecord[K] } = {
        timestamp,
        type,
        subtype,
        body: value,
      };
      if (microseconds !== undefined) rec.microseconds = microseconds;
      if (trailing !== undefined) rec.trailing = trailing;
      return rec;
    },
    options?.baseOffset === undefined ? undefined : { baseOffset: options.baseOffset },
  );
}

function bodyLength(rec: MrtRecord): number {
  const b = rec.body;
  switch (b.kind) {
    case 'raw':
      return b.data.length;
    case 'table-dump':
      return tableDumpLength(b);
    case 'peer-index-table':
      return peerIndexTableLength(b);
    case 'rib':
      return ribLength(b);
    case 'rib-generic':
      return 7 + b.data.length;
    case 'bgp4mp-state-change':
      return stateChangeLength(b, rec.subtype === Bgp4mpSubtype.StateChangeAs4);
    case 'bgp4mp-message': {
      const m = BGP4MP_MESSAGE_SUBTYPES[rec.subtype] ?? BGP4MP_MESSAGE_SUBTYPES[1]!;
      return messageBodyLength(b, m.as4, m.addPath);
    }
    case 'bgp-message':
      return bgpMessageLength(b);
    case 'bgp-state-change':
      return 10;
  }
}

/** Encoded length of a record, header included. */
export function mrtRecordEncodingLength(rec: MrtRecord): number {
  const et = isExtendedTimestampType(rec.type) ? 4 : 0;
  return MRT_HEADER_LENGTH + et + bodyLength(rec) + (rec.trailing?.length ?? 0);
}

/**
 * Write `rec` into `target` at `offset`; returns the bytes written. Throws `RangeError`
 * when `target` is too short or a field does not fit.
 */
export function encodeMrtRecordInto(target: Uint8Array, offset: number, rec: MrtRecord): number {
  const length = mrtRecordEncodingLength(rec);
  if (length - MRT_HEADER_LENGTH > MAX_RECORD_LENGTH) {
    throw new RangeError(`record body of ${length - MRT_HEADER_LENGTH} bytes exceeds the cap`);
  }
  const w = Writer.into(target, offset, length);
  w.u32(rec.timestamp)
    .u16(rec.type)
    .u16(rec.subtype)
    .u32(length - MRT_HEADER_LENGTH);
  if (isExtendedTimestampType(rec.type)) w.u32(rec.microseconds ?? 0);
  const b = rec.body;
  switch (b.kind) {
    case 'raw':
      w.bytes(b.data);
      break;
    case 'table-dump':
      writeTableDump(w, b);
      break;
    case 'peer-index-table':
      writePeerIndexTable(w, b);
      break;
    case 'rib':
      writeRib(w, b);
      break;
    case 'rib-generic':
      writeRibGeneric(w, b);
      break;
    case 'bgp4mp-state-change':
      writeStateChange(w, b, rec.subtype === Bgp4mpSubtype.StateChangeAs4);
      break;
    case 'bgp4mp-message': {
      const m = BGP4MP_MESSAGE_SUBTYPES[rec.subtype] ?? BGP4MP_MESSAGE_SUBTYPES[1]!;
      writeMessage(w, b, m.as4, m.addPath);
      break;
    }
    case 'bgp-message':
      writeBgpMessage(w, b);
      break;
    case 'bgp-state-change':
      writeBgpStateChange(w, b);
      break;
  }
  if (rec.trailing !== undefined) w.bytes(rec.trailing);
  if (w.remaining !== 0) throw new RangeError(`encoder wrote ${length - w.remaining} of ${length}`);
  return length;
}

/** Encode one record (header included). */
export function encodeMrtRecord(rec: MrtRecord): Uint8Array {
  const out = new Uint8Array(mrtRecordEncodingLength(rec));
  encodeMrtRecordInto(out, 0, rec);
  return out;
}
