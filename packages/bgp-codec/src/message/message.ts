import {
  type Decoded,
  type DecodeOptions,
  decode,
  fail,
  type Reader,
  type WireErrorCode,
  Writer,
} from '@routekit/wire';
import { type BgpContext, DEFAULT_CONTEXT } from '../context.js';
import type { BgpErrorCode } from '../errors.js';
import { MessageType } from '../iana.js';
import { type NotificationMessage, readNotification, writeNotification } from './notification.js';
import { type OpenMessage, openBodyLength, readOpen, writeOpen } from './open.js';
import { type RouteRefreshMessage, readRouteRefresh, writeRouteRefresh } from './route-refresh.js';
import { readUpdate, type UpdateMessage, updateBodyLength, writeUpdate } from './update.js';

/*
 * RFC 4271 §4.1: message header.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                                                               |
 *   +                                                               +
 *   |                           Marker                              |
 *   +                                                               +
 *   |                                                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          Length               |      Type     |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */

export const HEADER_LENGTH = 19;
export const MARKER_LENGTH = 16;
/** RFC 4271 §4: the largest message without extended messages. */
export const MAX_MESSAGE_LENGTH = 4096;
/** RFC 8654: the largest message with extended messages negotiated. */
export const MAX_EXTENDED_MESSAGE_LENGTH = 65_535;

/** RFC 4271 §4.4: KEEPALIVE is the header alone. */
export interface KeepaliveMessage {
  readonly kind: 'keepalive';
}

export type BgpMessage =
  | OpenMessage
  | UpdateMessage
  | NotificationMessage
  | KeepaliveMessage
  | RouteRefreshMessage;

/** Smallest length of each message type (RFC 4271 §6.1, RFC 2918 §3). */
const MIN_LENGTH: Readonly<Record<number, number>> = {
  [MessageType.Open]: 29,
  [MessageType.Update]: 23,
  [MessageType.Notification]: 21,
  [MessageType.Keepalive]: 19,
  [MessageType.RouteRefresh]: 23,
};

function maxLength(context: BgpContext): number {
  return context.extendedMessage ? MAX_EXTENDED_MESSAGE_LENGTH : MAX_MESSAGE_LENGTH;
}

function readHeader(r: Reader, context: BgpContext): { length: number; type: number } {
  const at = r.offset;
  const marker = r.bytes(MARKER_LENGTH, 'header.marker');
  for (const b of marker) if (b !== 0xff) fail('bad-marker', at, { length: MARKER_LENGTH });
  const lenAt = r.offset;
  const length = r.u16('header.length');
  const type = r.u8('header.type');
  if (length < HEADER_LENGTH || length > maxLength(context)) {
    fail('bad-message-length', lenAt, { length: 2, detail: `length ${length}` });
  }
  const min = MIN_LENGTH[type];
  if (min === undefined) fail('bad-message-type', lenAt + 2, { length: 1, detail: `type ${type}` });
  if (length < min || (type === MessageType.Keepalive && length !== HEADER_LENGTH)) {
    fail(type === MessageType.RouteRefresh ? 'route-refresh-length' : 'bad-message-length', lenAt, {
      length: 2,
      detail: `length ${length} for type ${type}`,
    });
  }
  return { length, type };
}

/**
 * Framing: the total length of the message at the start of `bytes`, after checking the
 * marker, length range and type. `truncated` when fewer than 19 bytes are present (read
 * more); the message itself may still be incomplete (compare with `bytes.length`).
 */
export function peekMessageLength(
  bytes: Uint8Array,
  context: BgpContext = DEFAULT_CONTEXT,
): Decoded<number, BgpErrorCode | WireErrorCode> {
  return decode<number, BgpErrorCode>(bytes, (r) => readHeader(r, context).length);
}

/**
 * Decode one BGP message at the start of `bytes` (`bytesRead` is its length; bytes after
 * it are left alone). Total: never throws. Opaque fields alias `bytes`.
 */
export function decodeMessage(
  bytes: Uint8Array,
  context: BgpContext = DEFAULT_CONTEXT,
  options?: DecodeOptions,
): Decoded<BgpMessage, BgpErrorCode | WireErrorCode> {
  return decode<BgpMessage, BgpErrorCode>(
    bytes,
    (r) => {
      const { length, type } = readHeader(r, context);
      const body = r.sub(length - HEADER_LENGTH, 'body');
      let m: BgpMessage;
      switch (type) {
        case MessageType.Open:
          m = readOpen(body);
          break;
        case MessageType.Update:
          m = readUpdate(body, context);
          break;
        case MessageType.Notification:
          m = readNotification(body);
          break;
        case MessageType.RouteRefresh:
          m = readRouteRefresh(body);
          break;
        default:
          m = { kind: 'keepalive' };
      }
      body.expectEnd();
      return m;
    },
    options,
  );
}

function bodyLength(m: BgpMessage, context: BgpContext): number {
  switch (m.kind) {
    case 'open':
      return openBodyLength(m);
    case 'update':
      return updateBodyLength(m, context);
    case 'notification':
      return 2 + m.data.length;
    case 'keepalive':
      return 0;
    case 'route-refresh':
      return 4 + m.orf.length;
  }
}

const TYPE_OF: Readonly<Record<BgpMessage['kind'], number>> = {
  open: MessageType.Open,
  update: MessageType.Update,
  notification: MessageType.Notification,
  keepalive: MessageType.Keepalive,
  'route-refresh': MessageType.RouteRefresh,
};

/** Encoded length of a message, header included. */
export function messageEncodingLength(
  m: BgpMessage,
  context: BgpContext = DEFAULT_CONTEXT,
): number {
  return HEADER_LENGTH + bodyLength(m, context);
}

/**
 * Write `m` into `target` at `offset`; returns the bytes written. Throws `RangeError` when
 * the message exceeds the context's maximum length, a field overflows, or `target` is short.
 */
export function encodeMessageInto(
  m: BgpMessage,
  target: Uint8Array,
  offset = 0,
  context: BgpContext = DEFAULT_CONTEXT,
): number {
  const length = messageEncodingLength(m, context);
  if (length > maxLength(context))
    throw new RangeError(`message of ${length} bytes exceeds ${maxLength(context)}`);
  const w = Writer.into(target, offset, length);
  for (let i = 0; i < MARKER_LENGTH; i++) w.u8(0xff);
  w.u16(length).u8(TYPE_OF[m.kind]);
  switch (m.kind) {
    case 'open':
      writeOpen(w, m);
      break;
    case 'update':
      writeUpdate(w, m, context);
      break;
    case 'notification':
      writeNotification(w, m);
      break;
    case 'route-refresh':
      writeRouteRefresh(w, m);
      break;
    case 'keepalive':
      break;
  }
  return length;
}

/** Encode one message (header included). */
export function encodeMessage(m: BgpMessage, context: BgpContext = DEFAULT_CONTEXT): Uint8Array {
  const out = new Uint8Array(messageEncodingLength(m, context));
  encodeMessageInto(m, out, 0, context);
  return out;
}
