// Checksum vectors from the RFCs and small hand-made inputs. Checksums of real packets
// are checked against the third-party captures in captures.test.ts.
import { hex } from '../../src/index.js';

export interface InternetChecksumVector {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** onesComplementSum(bytes) */
  readonly sum: number;
  /** internetChecksum(bytes) */
  readonly checksum: number;
}

export const internetChecksumVectors: readonly InternetChecksumVector[] = [
  {
    name: 'RFC 1071 §3 numerical example',
    bytes: hex`00 01 f2 03 f4 f5 f6 f7`,
    sum: 0xddf2,
    checksum: 0x220d,
  },
  { name: 'empty input', bytes: hex``, sum: 0, checksum: 0xffff },
  {
    name: 'odd length: the last byte is a high byte',
    bytes: hex`01`,
    sum: 0x0100,
    checksum: 0xfeff,
  },
  {
    name: 'end-around carry: ffff + 0001 = 0001',
    bytes: hex`ffff 0001`,
    sum: 0x0001,
    checksum: 0xfffe,
  },
  {
    name: 'negative zero: ffff sums to ffff, checksum 0',
    bytes: hex`ffff`,
    sum: 0xffff,
    checksum: 0,
  },
  {
    name: 'IPv4 header with checksum field zeroed (the textbook 192.168.0.1 → .199 UDP header)',
    bytes: hex`
      4500 0073  # version 4, IHL 5, total length 115
      0000 4000  # id 0, DF
      4011 0000  # TTL 64, UDP, checksum zeroed
      c0a8 0001  # 192.168.0.1
      c0a8 00c7  # 192.168.0.199
    `,
    sum: 0x479e,
    checksum: 0xb861,
  },
  {
    name: 'the same header carrying its checksum verifies to 0',
    bytes: hex`4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7`,
    sum: 0xffff,
    checksum: 0,
  },
];

export interface UpdateVector {
  readonly name: string;
  readonly checksum: number;
  readonly oldWord: number;
  readonly newWord: number;
  readonly updated: number;
}

export const updateVectors: readonly UpdateVector[] = [
  {
    // RFC 1141's HC' = HC + m + ~m' gives 0xffff here; a full recomputation gives 0.
    name: 'RFC 1624 §4 example',
    checksum: 0xdd2f,
    oldWord: 0x5555,
    newWord: 0x3285,
    updated: 0x0000,
  },
  {
    name: 'TTL decrement 64 → 63 in the IPv4 header above (word 4011 → 3f11)',
    checksum: 0xb861,
    oldWord: 0x4011,
    newWord: 0x3f11,
    updated: 0xb961,
  },
];

export interface FletcherVector {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly checksumOffset: number;
  /** fletcherChecksum(bytes, checksumOffset): X in the high byte, Y in the low byte */
  readonly checksum: number;
}

// Each expected value is also found by brute force over all 255 × 255 check-octet
// pairs in fletcher.test.ts: exactly one pair in 1..255 passes the check.
export const fletcherVectors: readonly FletcherVector[] = [
  {
    name: 'all-zero data: X = Y = 0 are sent as 255',
    bytes: hex`0000 0000`,
    checksumOffset: 2,
    checksum: 0xffff,
  },
  {
    name: 'checksum field first',
    bytes: hex`0000 0102`,
    checksumOffset: 0,
    checksum: 0x05f7,
  },
  {
    name: 'checksum field last',
    bytes: hex`0102 0000`,
    checksumOffset: 2,
    checksum: 0xf804,
  },
  {
    name: 'field contents are ignored (computed as if zero)',
    bytes: hex`0102 abcd 0304`,
    checksumOffset: 2,
    checksum: 0x04f1,
  },
  {
    name: 'hand-made Router-LSA without its LS age (checksum at 14 of the slice, 16 of the LSA)',
    bytes: hex`
      02 01              # options E, LS type 1 (Router-LSA)
      c0000201 c0000201  # link state id, advertising router 192.0.2.1
      80000001           # LS sequence number (InitialSequenceNumber)
      0000               # LS checksum (computed)
      0024               # length 36 (with the 2-byte LS age)
      0000 0001          # flags, 1 link
      c0000264 ffffff00  # stub network 192.0.2.100/24
      03 00 000a         # type 3 (stub), 0 TOS, metric 10
    `,
    checksumOffset: 14,
    checksum: 0xfd9c,
  },
];
