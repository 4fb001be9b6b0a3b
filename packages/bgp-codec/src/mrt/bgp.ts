import { type Address, ipv4 } from '@routekit/prefix';
import { decode, type Reader, type Writer } from '@routekit/wire';
import {
  readUpdate,
  type UpdateMessage,
  updateBodyLength,
  writeUpdate,
} from '../message/update.js';
import { AS2_CONTEXT } from './attributes.js';
import type { EmbeddedMessage } from './embedded.js';
import { BgpSubtype } from './iana.js';

/*
 * RFC 6396 appendix B.2: the deprecated type 5 "BGP" records written by MRTd (RIPE RIS
 * files of 1999-2001 use them). IPv4 and 2-byte AS only.
 *
 * BGP_UPDATE (1), BGP_OPEN (5), BGP_NOTIFY (6), BGP_KEEPALIVE (7):
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |        Peer AS number         |        Peer IP address        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     (Peer IP, cont.)          |        Local AS number        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                        Local IP address                       |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          BGP message contents, without marker and header (variable)
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * BGP_STATE_CHANGE (3):
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |        Peer AS number         |        Peer IP address        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     (Peer IP, cont.)          |           Old State           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |           New State           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * BGP_NULL (0), BGP_PREF_UPDATE (2), BGP_SYNC (4) have no defined use and are kept raw.
 * An UPDATE's contents are decoded (as the body of an UPDATE message); the others are kept
 * as bytes.
 */
export interface BgpMessageBody {
  readonly kind: 'bgp-message';
  readonly peerAs: number;
  readonly peerAddress: Address;
  readonly localAs: number;
  readonly localAddress: Address;
  /** For UPDATE: the decoded UPDATE (or raw when it does not decode); otherwise raw. */
  readonly message: EmbeddedMessage;
}

export interface BgpStateChangeBody {
  readonly kind: 'bgp-state-change';
  readonly peerAs: number;
  readonly peerAddress: Address;
  readonly oldState: number;
  readonly newState: number;
}

export function readBgpMessage(r: Reader, subtype: number): BgpMessageBody {
  const peerAs = r.u16('bgp.peer_as');
  const peerAddress = ipv4(r.u32('bgp.peer_ip'));
  const localAs = r.u16('bgp.local_as');
  const localAddress = ipv4(r.u32('bgp.local_ip'));
  const at = r.offset;
  const bytes = r.rest('bgp.message');
  let message: EmbeddedMessage = { kind: 'raw', bytes };
  if (subtype === BgpSubtype.Update) {
    const res = decode(bytes, (u) => readUpdate(u, AS2_CONTEXT), { baseOffset: at, exact: true });
    message = res.ok
      ? { kind: 'decoded', message: res.value }
      : { kind: 'raw', bytes, error: res.error };
  }
  return { kind: 'bgp-message', peerAs, peerAddress, localAs, localAddress, message };
}

function v4(a: Address): number {
  if (a.family !== 4) throw new RangeError('type 5 BGP records carry IPv4 addresses only');
  return a.value;
}

export function bgpMessageLength(b: BgpMessageBody): number {
  const m = b.message;
  if (m.kind === 'raw') return 12 + m.bytes.length;
  if (m.message.kind !== 'update')
    throw new RangeError('type 5 records embed UPDATE contents only');
  return 12 + updateBodyLength(m.message, AS2_CONTEXT);
}

export function writeBgpMessage(w: Writer, b: BgpMessageBody): void {
  w.u16(b.peerAs).u32(v4(b.peerAddress)).u16(b.localAs).u32(v4(b.localAddress));
  const m = b.message;
  if (m.kind === 'raw') w.bytes(m.bytes);
  else writeUpdate(w, m.message as UpdateMessage, AS2_CONTEXT);
}

export function readBgpStateChange(r: Reader): BgpStateChangeBody {
  const peerAs = r.u16('bgp.peer_as');
  const peerAddress = ipv4(r.u32('bgp.peer_ip'));
  const oldState = r.u16('bgp.old_state');
  const newState = r.u16('bgp.new_state');
  return { kind: 'bgp-state-change', peerAs, peerAddress, oldState, newState };
}

export function writeBgpStateChange(w: Writer, b: BgpStateChangeBody): void {
  w.u16(b.peerAs).u32(v4(b.peerAddress)).u16(b.oldState).u16(b.newState);
}
