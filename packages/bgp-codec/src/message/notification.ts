import type { Reader, Writer } from '@routekit/wire';
import { CeaseSubcode, NotificationCode } from '../errors.js';
import { utf8Text } from '../utf8.js';

/*
 * RFC 4271 §4.5: NOTIFICATION message (after the header).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | Error code    | Error subcode |   Data (variable)             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
export interface NotificationMessage {
  readonly kind: 'notification';
  readonly code: number;
  readonly subcode: number;
  /** Data, a view of the input. */
  readonly data: Uint8Array;
}

export function readNotification(r: Reader): NotificationMessage {
  const code = r.u8('notification.code');
  const subcode = r.u8('notification.subcode');
  return { kind: 'notification', code, subcode, data: r.rest('notification.data') };
}

export function writeNotification(w: Writer, m: NotificationMessage): void {
  w.u8(m.code).u8(m.subcode).bytes(m.data);
}

/**
 * RFC 9003 §2: the shutdown communication of a Cease / Administrative Shutdown or
 * Administrative Reset NOTIFICATION.
 *
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | Error code 6  |    Subcode    |    Length     |     ...       \
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+               /
 *   \                 Shutdown Communication (UTF-8) ...            \
 *
 * Returns `undefined` for other NOTIFICATIONs, empty data, or a length that overruns the
 * data or exceeds 255 (RFC 9003: the receiver then ignores it). `rest` is any data after
 * the communication.
 */
export function shutdownCommunication(
  m: NotificationMessage,
): { readonly text: string; readonly rest: Uint8Array } | undefined {
  if (m.code !== NotificationCode.Cease) return undefined;
  if (
    m.subcode !== CeaseSubcode.AdministrativeShutdown &&
    m.subcode !== CeaseSubcode.AdministrativeReset
  ) {
    return undefined;
  }
  const len = m.data[0];
  if (len === undefined || 1 + len > m.data.length) return undefined;
  return { text: utf8Text(m.data.subarray(1, 1 + len)), rest: m.data.subarray(1 + len) };
}
