import { hex } from '@routekit/wire';

/**
 * Hand-made vectors. Checksums were computed with a separate Python implementation of
 * the internet checksum and the RFC 905 Fletcher checksum, not with this package.
 */
export const HELLO = hex`
  02 01 00 30              # version 2, Hello, length 48
  0a 00 00 01              # router id 10.0.0.1
  00 00 00 00              # area 0.0.0.0
  ce 96 00 00              # checksum, AuType 0 (null)
  00 00 00 00 00 00 00 00  # authentication
  ff ff ff 00              # network mask /24
  00 0a 12 01              # HelloInterval 10, options L|E, priority 1
  00 00 00 28              # RouterDeadInterval 40
  0a 00 00 01              # DR 10.0.0.1
  00 00 00 00              # BDR none
  0a 00 00 02              # neighbour 10.0.0.2
`;

export const LSU = hex`
  02 04 00 40 0a 00 00 01 00 00 00 00   # LS Update, length 64, from 10.0.0.1, area 0
  9b 11 00 00 00 00 00 00 00 00 00 00   # checksum, null auth
  00 00 00 01                           # 1 LSA
  00 01 02 01                           # LS age 1, options E, router-LSA
  0a 00 00 01 0a 00 00 01               # link state id, advertising router
  80 00 00 01 fd 3d 00 24               # seq InitialSequenceNumber, Fletcher checksum, length 36
  00 00 00 01                           # flags 0, 1 link
  c0 00 02 35 ff ff ff ff 03 00 00 0a   # stub 192.0.2.53/32, metric 10
`;

/** Error vectors: bytes, and the error the decoder must return. */
export const ERRORS: readonly {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly code: string;
  readonly offset: number;
}[] = [
  { name: 'empty', bytes: new Uint8Array(0), code: 'truncated', offset: 0 },
  { name: 'header cut in the area id', bytes: HELLO.subarray(0, 10), code: 'truncated', offset: 8 },
  {
    name: 'packet cut after the header',
    bytes: HELLO.subarray(0, 20),
    code: 'bad-packet-length',
    offset: 2,
  },
  { name: 'OSPFv3', bytes: patch(HELLO, 0, 3), code: 'bad-version', offset: 0 },
  { name: 'packet type 6', bytes: patch(HELLO, 1, 6), code: 'bad-packet-type', offset: 1 },
  { name: 'length 23', bytes: patch(HELLO, 3, 23), code: 'bad-packet-length', offset: 2 },
  {
    name: 'length beyond the bytes',
    bytes: patch(HELLO, 3, 0x34),
    code: 'bad-packet-length',
    offset: 2,
  },
  { name: 'AuType 3', bytes: patch(HELLO, 15, 3), code: 'bad-auth-type', offset: 14 },
  {
    name: 'digest missing after the packet',
    bytes: patch(patch(HELLO, 15, 2), 19, 16),
    code: 'bad-auth-length',
    offset: 19,
  },
  {
    name: 'Hello with 2 stray bytes',
    bytes: grow(HELLO, 0x32),
    code: 'trailing-bytes',
    offset: 48,
  },
  { name: 'LSA length 19', bytes: patch(LSU, 47, 19), code: 'bad-lsa-length', offset: 46 },
  {
    name: 'LSA length beyond the packet',
    bytes: patch(LSU, 47, 40),
    code: 'bad-lsa-length',
    offset: 46,
  },
  { name: 'LSA count beyond the bytes', bytes: patch(LSU, 27, 3), code: 'bad-value', offset: 24 },
  {
    name: 'router-LSA link count beyond the LSA',
    bytes: patch(LSU, 51, 2),
    code: 'truncated',
    offset: 52,
  },
];

function patch(b: Uint8Array, at: number, value: number): Uint8Array {
  const c = b.slice();
  c[at] = value;
  return c;
}

/** The packet with its length raised to `length` and zero bytes appended to match. */
function grow(b: Uint8Array, length: number): Uint8Array {
  const c = new Uint8Array(length);
  c.set(b);
  c[2] = length >> 8;
  c[3] = length & 0xff;
  return c;
}
