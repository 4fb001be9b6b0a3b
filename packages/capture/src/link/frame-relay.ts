import { fail, type Reader } from '@routekit/wire';
import { EtherType } from './ethertype.js';

/** NLPIDs (ISO/IEC TR 9577) used by RFC 2427 multiprotocol Frame Relay. */
export const Nlpid = { Snap: 0x80, Ipv4: 0xcc, Ipv6: 0x8e, Pad: 0x00 } as const;

/**
 * Frame Relay (LINKTYPE_FRELAY, 107): a Q.922 address of 2–4 bytes (the EA bit ends
 * it), then either RFC 2427 encapsulation (control 0x03 UI, optional pad, NLPID; SNAP
 * for EtherTypes) or Cisco's encapsulation (an EtherType right after the address).
 *
 * ```text
 * Q.922 two-byte address (ITU-T Q.922 §3.3):
 *   0 1 2 3 4 5 6 7   0 1 2 3 4 5 6 7
 *  +-----------+-+-+ +-------+-+-+-+-+
 *  | DLCI high |C|0| |DLCI lo|F|B|D|1|
 *  +-----------+-+-+ +-------+-+-+-+-+
 * RFC 2427 §3.3:  | Q.922 address | 0x03 | [0x00 pad] | NLPID | data
 * Cisco:          | Q.922 address | EtherType (2)      | data
 * ```
 */
export function readFrameRelay(r: Reader): number {
  const start = r.offset;
  let length = 0;
  for (;;) {
    const b = r.u8('fr.address');
    length++;
    if ((b & 1) === 1) break;
    if (length >= 4)
      fail('bad-value', start, { length, detail: 'Q.922 address longer than 4 bytes' });
  }
  if (length < 2) fail('bad-value', start, { length, detail: 'Q.922 address of one byte' });
  if (r.peekU8() !== 0x03) return r.u16('fr.etype'); // Cisco encapsulation
  r.skip(1, 'fr.control');
  if (r.peekU8() === Nlpid.Pad) r.skip(1, 'fr.pad');
  const nlpid = r.u8('fr.nlpid');
  if (nlpid === Nlpid.Ipv4) return EtherType.Ipv4;
  if (nlpid === Nlpid.Ipv6) return EtherType.Ipv6;
  if (nlpid === Nlpid.Snap) {
    r.skip(3, 'fr.snap.oui');
    return r.u16('fr.snap.pid');
  }
  return 0;
}
