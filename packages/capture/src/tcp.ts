import { fail, type Reader } from '@routekit/wire';

/** TCP flags (RFC 9293 §3.1, RFC 3168 for ECE/CWR). */
export const TcpFlag = {
  Fin: 0x01,
  Syn: 0x02,
  Rst: 0x04,
  Psh: 0x08,
  Ack: 0x10,
  Urg: 0x20,
  Ece: 0x40,
  Cwr: 0x80,
} as const;

/** TCP option kinds (IANA "TCP Option Kind Numbers"). */
export const TcpOptionKind = {
  End: 0,
  Nop: 1,
  Mss: 2,
  WindowScale: 3,
  SackPermitted: 4,
  Sack: 5,
  Timestamps: 8,
  /** TCP MD5 Signature Option (RFC 2385), used by BGP sessions. */
  Md5Signature: 19,
  /** TCP Authentication Option (RFC 5925). */
  AuthenticationOption: 29,
} as const;

/** One TCP option; `data` is a view of its value bytes. */
export interface TcpOption {
  readonly kind: number;
  readonly data: Uint8Array;
}

/**
 * A TCP header (RFC 9293 §3.1).
 *
 * ```text
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 * |       |       |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           [Options]                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface TcpSegment {
  readonly kind: 'tcp';
  readonly sourcePort: number;
  readonly destinationPort: number;
  readonly sequence: number;
  readonly acknowledgment: number;
  readonly headerLength: number;
  /** CWR…FIN in the low 8 bits (see {@link TcpFlag}). */
  readonly flags: number;
  readonly window: number;
  readonly checksum: number;
  readonly urgentPointer: number;
  readonly options: readonly TcpOption[];
  /** Set when the options are malformed: the ones before it are listed. */
  readonly optionsError?: string;
  /** Segment data: the IP payload after the header (as captured). */
  readonly payload: Uint8Array;
}

/** Read a TCP header; `r` holds the IP payload. */
export function readTcp(r: Reader): TcpSegment {
  const start = r.offset;
  const sourcePort = r.u16('tcp.srcport');
  const destinationPort = r.u16('tcp.dstport');
  const sequence = r.u32('tcp.seq_raw');
  const acknowledgment = r.u32('tcp.ack_raw');
  const offsetFlags = r.u16('tcp.flags');
  const window = r.u16('tcp.window_size_value');
  const checksum = r.u16('tcp.checksum');
  const urgentPointer = r.u16('tcp.urgent_pointer');
  const headerLength = (offsetFlags >>> 12) * 4;
  if (headerLength < 20) {
    fail('length-out-of-range', start + 12, {
      length: 1,
      detail: `TCP data offset ${headerLength / 4}`,
    });
  }
  const optionBytes = r.bytes(headerLength - 20, 'tcp.options');
  const { options, error } = readTcpOptions(optionBytes);
  return {
    kind: 'tcp',
    sourcePort,
    destinationPort,
    sequence,
    acknowledgment,
    headerLength,
    flags: offsetFlags & 0xff,
    window,
    checksum,
    urgentPointer,
    options,
    ...(error !== undefined ? { optionsError: error } : {}),
    payload: r.rest('tcp.payload'),
  };
}

/**
 * Options (RFC 9293 §3.2): kind 0 ends the list, kind 1 is one byte of padding, every
 * other kind has a length byte counting kind and length. A bad length stops the walk
 * and is reported, the options before it kept (the segment's data is still good).
 */
export function readTcpOptions(bytes: Uint8Array): { options: TcpOption[]; error?: string } {
  const options: TcpOption[] = [];
  let at = 0;
  while (at < bytes.length) {
    const kind = bytes[at]!;
    if (kind === TcpOptionKind.End) break;
    if (kind === TcpOptionKind.Nop) {
      at++;
      continue;
    }
    const length = bytes[at + 1];
    if (length === undefined || length < 2 || at + length > bytes.length) {
      return { options, error: `option ${kind} at ${at} has bad length ${length ?? 'missing'}` };
    }
    options.push({ kind, data: bytes.subarray(at + 2, at + length) });
    at += length;
  }
  return { options };
}
