import type { Address } from '@routekit/prefix';
import type { Reader, Writer } from '@routekit/wire';
import type { BgpContext } from '../context.js';
import { decodeMessage, encodeMessage, messageEncodingLength } from '../message/message.js';
import { addressLength, familyOfAfi, readAddress, writeAddress } from './address.js';
import type { EmbeddedMessage } from './embedded.js';

/*
 * RFC 6396 §4.4.1 BGP4MP_STATE_CHANGE (subtype 0) and §4.4.5 STATE_CHANGE_AS4 (5).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     Peer AS Number (2 or 4)   |     Local AS Number (2 or 4)  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |        Interface Index        |        Address Family         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                Peer IP Address (4 or 16 bytes)                |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                Local IP Address (4 or 16 bytes)               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |            Old State          |          New State            |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * §4.4.2 BGP4MP_MESSAGE (1), §4.4.3 MESSAGE_AS4 (4), §4.4.6-7 MESSAGE_LOCAL (6) and
 * MESSAGE_AS4_LOCAL (7), RFC 8050 §4.2 the _ADDPATH variants (8-11): the same peer
 * fields, then the whole BGP message (marker and header included) instead of the states.
 * BGP4MP_ET (type 17) records have the same bodies.
 */
interface PeerFields {
  readonly peerAs: number;
  readonly localAs: number;
  readonly interfaceIndex: number;
  /** Address Family field: 1 (IPv4) or 2 (IPv6). */
  readonly afi: 1 | 2;
  readonly peerAddress: Address;
  readonly localAddress: Address;
}

export interface Bgp4mpStateChangeBody extends PeerFields {
  readonly kind: 'bgp4mp-state-change';
  readonly oldState: number;
  readonly newState: number;
}

export interface Bgp4mpMessageBody extends PeerFields {
  readonly kind: 'bgp4mp-message';
  readonly message: EmbeddedMessage;
}

/** RFC 4271 §8.2.2 FSM states as written in STATE_CHANGE records (7, 8: Quagga). */
export const BgpState = {
  Idle: 1,
  Connect: 2,
  Active: 3,
  OpenSent: 4,
  OpenConfirm: 5,
  Established: 6,
  Clearing: 7,
  Deleted: 8,
} as const;

function readPeer(r: Reader, as4: boolean): PeerFields {
  const peerAs = as4 ? r.u32('bgp4mp.peer_as') : r.u16('bgp4mp.peer_as');
  const localAs = as4 ? r.u32('bgp4mp.local_as') : r.u16('bgp4mp.local_as');
  const interfaceIndex = r.u16('bgp4mp.interface_index');
  const afiAt = r.offset;
  const afiValue = r.u16('bgp4mp.afi');
  const family = familyOfAfi(afiValue, afiAt);
  const afi = family === 4 ? 1 : 2;
  const peerAddress = readAddress(r, family, 'bgp4mp.peer_ip');
  const localAddress = readAddress(r, family, 'bgp4mp.local_ip');
  return { peerAs, localAs, interfaceIndex, afi, peerAddress, localAddress };
}

function peerLength(b: PeerFields, as4: boolean): number {
  return (as4 ? 12 : 8) + addressLength(b.peerAddress) + addressLength(b.localAddress);
}

function writePeer(w: Writer, b: PeerFields, as4: boolean): void {
  if (as4) w.u32(b.peerAs).u32(b.localAs);
  else w.u16(b.peerAs).u16(b.localAs);
  w.u16(b.interfaceIndex).u16(b.afi);
  writeAddress(w, b.peerAddress);
  writeAddress(w, b.localAddress);
}

export function readStateChange(r: Reader, as4: boolean): Bgp4mpStateChangeBody {
  const peer = readPeer(r, as4);
  const oldState = r.u16('bgp4mp.old_state');
  const newState = r.u16('bgp4mp.new_state');
  return { kind: 'bgp4mp-state-change', ...peer, oldState, newState };
}

export function stateChangeLength(b: Bgp4mpStateChangeBody, as4: boolean): number {
  return peerLength(b, as4) + 4;
}

export function writeStateChange(w: Writer, b: Bgp4mpStateChangeBody, as4: boolean): void {
  writePeer(w, b, as4);
  w.u16(b.oldState).u16(b.newState);
}

/** The context an embedded message is decoded with: AS size and ADD-PATH from the subtype. */
export function messageContext(as4: boolean, addPath: boolean): BgpContext {
  if (!addPath) return as4 ? AS4 : AS2;
  return as4 ? AS4_ADDPATH : AS2_ADDPATH;
}

const ALL_FAMILIES = { receive: true, send: true };
const ADDPATH_ALL = {
  '1/1': ALL_FAMILIES,
  '1/2': ALL_FAMILIES,
  '2/1': ALL_FAMILIES,
  '2/2': ALL_FAMILIES,
};
// Extended messages are allowed: a collector records what it received, of any length.
const AS2: BgpContext = { fourOctetAs: false, addPath: {}, extendedMessage: true };
const AS4: BgpContext = { fourOctetAs: true, addPath: {}, extendedMessage: true };
const AS2_ADDPATH: BgpContext = { fourOctetAs: false, addPath: ADDPATH_ALL, extendedMessage: true };
const AS4_ADDPATH: BgpContext = { fourOctetAs: true, addPath: ADDPATH_ALL, extendedMessage: true };

/** Decode the rest of `r` as one BGP message; raw (with the error) when it does not decode. */
export function readEmbedded(r: Reader, context: BgpContext): EmbeddedMessage {
  const at = r.offset;
  const bytes = r.rest('bgp4mp.message');
  const res = decodeMessage(bytes, context, { baseOffset: at });
  if (res.ok && res.bytesRead === bytes.length) return { kind: 'decoded', message: res.value };
  const error = res.ok
    ? { code: 'trailing-bytes', offset: at + res.bytesRead, length: bytes.length - res.bytesRead }
    : res.error;
  return { kind: 'raw', bytes, error };
}

export function embeddedLength(m: EmbeddedMessage, context: BgpContext): number {
  return m.kind === 'raw' ? m.bytes.length : messageEncodingLength(m.message, context);
}

export function writeEmbedded(w: Writer, m: EmbeddedMessage, context: BgpContext): void {
  w.bytes(m.kind === 'raw' ? m.bytes : encodeMessage(m.message, context));
}

export function readMessage(
  r: Reader,
  as4: boolean,
  addPath: boolean,
  decodeMessages = true,
): Bgp4mpMessageBody {
  const peer = readPeer(r, as4);
  if (!decodeMessages) {
    return { kind: 'bgp4mp-message', ...peer, message: { kind: 'raw', bytes: r.rest() } };
  }
  return {
    kind: 'bgp4mp-message',
    ...peer,
    message: readEmbedded(r, messageContext(as4, addPath)),
  };
}

export function messageBodyLength(b: Bgp4mpMessageBody, as4: boolean, addPath: boolean): number {
  return peerLength(b, as4) + embeddedLength(b.message, messageContext(as4, addPath));
}

export function writeMessage(
  w: Writer,
  b: Bgp4mpMessageBody,
  as4: boolean,
  addPath: boolean,
): void {
  writePeer(w, b, as4);
  writeEmbedded(w, b.message, messageContext(as4, addPath));
}
