import type { Capability } from './capability/capability.js';

/** `afi/safi` key of the per-family maps of {@link BgpContext}, e.g. `"1/1"`. */
export type AfiSafiKey = `${number}/${number}`;

/** ADD-PATH direction negotiated for one AFI/SAFI (RFC 7911 §4). */
export interface AddPathDirection {
  /** We receive path identifiers (decode side). */
  readonly receive: boolean;
  /** We send path identifiers (encode side). */
  readonly send: boolean;
}

/**
 * Negotiated session state passed to every decode and encode (never module state).
 */
export interface BgpContext {
  /** RFC 6793: both sides advertised the 4-octet AS capability. */
  readonly fourOctetAs: boolean;
  /** RFC 7911: per AFI/SAFI (`"1/1"`), whether path identifiers are present. */
  readonly addPath: Readonly<Partial<Record<AfiSafiKey, AddPathDirection>>>;
  /** RFC 8654: messages may be up to 65535 bytes. */
  readonly extendedMessage: boolean;
  /**
   * The peer is external (eBGP, outside our confederation): enables the RFC 7606 checks
   * that depend on it (confederation segments in AS_PATH, LOCAL_PREF). Unknown when absent.
   */
  readonly ebgp?: boolean;
}

/** A session before capabilities are negotiated: 2-octet AS, no ADD-PATH, 4096 bytes. */
export const DEFAULT_CONTEXT: BgpContext = {
  fourOctetAs: false,
  addPath: {},
  extendedMessage: false,
};

/** The map key of an AFI/SAFI. */
export function afiSafiKey(afi: number, safi: number): AfiSafiKey {
  return `${afi}/${safi}`;
}

/** Whether decoding expects path identifiers for this AFI/SAFI. */
export function receivesPathId(context: BgpContext, afi: number, safi: number): boolean {
  return context.addPath[afiSafiKey(afi, safi)]?.receive === true;
}

/** Whether encoding writes path identifiers for this AFI/SAFI. */
export function sendsPathId(context: BgpContext, afi: number, safi: number): boolean {
  return context.addPath[afiSafiKey(afi, safi)]?.send === true;
}

const BOTH: AddPathDirection = { receive: true, send: true };

/**
 * The context of the messages a speaker that advertised `sender` sends to a speaker that
 * advertised `receiver` (each side's OPEN capabilities, e.g. from `openCapabilities`):
 * 4-octet AS (RFC 6793) and extended messages (RFC 8654) when both advertised them; path
 * identifiers for a family when the sender may send them (RFC 7911 §4: send bit) and the
 * receiver may receive them (receive bit). For a speaker's own session, decode what it
 * receives with `negotiatedContext(peer, own)` and encode what it sends with
 * `negotiatedContext(own, peer)`.
 */
export function negotiatedContext(
  sender: readonly Capability[],
  receiver: readonly Capability[],
): BgpContext {
  const has = (caps: readonly Capability[], kind: Capability['kind']): boolean =>
    caps.some((c) => c.kind === kind);
  const addPath: Partial<Record<AfiSafiKey, AddPathDirection>> = {};
  const peerFamilies = receiver.flatMap((r) => (r.kind === 'add-path' ? r.families : []));
  for (const c of sender) {
    if (c.kind !== 'add-path') continue;
    for (const f of c.families) {
      const peer = peerFamilies.find((g) => g.afi === f.afi && g.safi === f.safi);
      const on = (f.sendReceive & 2) !== 0 && peer !== undefined && (peer.sendReceive & 1) !== 0;
      if (on) addPath[afiSafiKey(f.afi, f.safi)] = BOTH;
    }
  }
  return {
    fourOctetAs: has(sender, 'four-octet-as') && has(receiver, 'four-octet-as'),
    extendedMessage: has(sender, 'extended-message') && has(receiver, 'extended-message'),
    addPath,
  };
}
