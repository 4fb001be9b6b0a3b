// Reader vectors: bytes, a read, the value and how far it got; and error vectors with
// the exact DecodeError each failure must produce.
import { hex, type Reader, type WireErrorCode } from '../../src/index.js';

export interface ReaderVector {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly read: (r: Reader) => unknown;
  readonly value: unknown;
  readonly bytesRead: number;
}

export interface ReaderErrorVector {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly read: (r: Reader) => unknown;
  readonly baseOffset?: number;
  readonly error: {
    readonly code: WireErrorCode;
    readonly offset: number;
    readonly length?: number;
  };
}

export const readerVectors: readonly ReaderVector[] = [
  { name: 'u8', bytes: hex`ff`, read: (r) => r.u8(), value: 255, bytesRead: 1 },
  {
    name: 'u16 is big-endian',
    bytes: hex`01 02`,
    read: (r) => r.u16(),
    value: 0x0102,
    bytesRead: 2,
  },
  {
    name: 'u24 is big-endian (MPLS label stack entry)',
    bytes: hex`00 3e 81`,
    read: (r) => r.u24(),
    value: 0x3e81,
    bytesRead: 3,
  },
  { name: 'u24 max', bytes: hex`ff ff ff`, read: (r) => r.u24(), value: 0xffffff, bytesRead: 3 },
  {
    name: 'u32 is unsigned (IPv4 address 192.0.2.1)',
    bytes: hex`c0 00 02 01`,
    read: (r) => r.u32(),
    value: 0xc0000201,
    bytesRead: 4,
  },
  {
    name: 'u32 max stays positive',
    bytes: hex`ff ff ff ff`,
    read: (r) => r.u32(),
    value: 4294967295,
    bytesRead: 4,
  },
  { name: 'i32 -1', bytes: hex`ff ff ff ff`, read: (r) => r.i32(), value: -1, bytesRead: 4 },
  {
    name: 'u64 as bigint (BGP route distinguisher 0:65000:100 as one number)',
    bytes: hex`00 00 fd e8 00 00 00 64`,
    read: (r) => r.u64(),
    value: 0x0000fde800000064n,
    bytesRead: 8,
  },
  {
    name: 'u64 max',
    bytes: hex`ffffffff ffffffff`,
    read: (r) => r.u64(),
    value: 0xffffffffffffffffn,
    bytesRead: 8,
  },
  {
    name: 'BGP header: 16-byte marker, length, type',
    bytes: hex`
      ffffffff ffffffff ffffffff ffffffff  # marker
      0013                                 # length 19
      04                                   # KEEPALIVE
    `,
    read: (r) => ({ marker: Array.from(r.bytes(16)), length: r.u16(), type: r.u8() }),
    value: { marker: Array(16).fill(255), length: 19, type: 4 },
    bytesRead: 19,
  },
  {
    name: 'peeks do not move',
    bytes: hex`0102 0304`,
    read: (r) => [r.peekU8(), r.peekU16(), r.peekU32(), Array.from(r.peekBytes(3)), r.u8()],
    value: [1, 0x0102, 0x01020304, [1, 2, 3], 1],
    bytesRead: 1,
  },
  {
    name: 'skip then rest',
    bytes: hex`00 00 aa bb`,
    read: (r) => {
      r.skip(2);
      return Array.from(r.rest());
    },
    value: [0xaa, 0xbb],
    bytesRead: 4,
  },
  {
    name: 'sub(n) moves the parent past the field at once',
    bytes: hex`02 aa bb cc`,
    read: (r) => {
      const child = r.sub(r.u8());
      return {
        parentAt: r.offset,
        child: [child.offset, child.end, child.remaining],
        next: r.u8(),
      };
    },
    value: { parentAt: 3, child: [1, 3, 2], next: 0xcc },
    bytesRead: 4,
  },
  {
    name: 'zero-length reads succeed at the end',
    bytes: hex``,
    read: (r) => [r.bytes(0).length, r.sub(0).atEnd, r.rest().length, r.atEnd],
    value: [0, true, 0, true],
    bytesRead: 0,
  },
];

export const readerErrorVectors: readonly ReaderErrorVector[] = [
  {
    name: 'u8 on empty input',
    bytes: hex``,
    read: (r) => r.u8(),
    error: { code: 'truncated', offset: 0, length: 1 },
  },
  {
    name: 'u16 on one byte',
    bytes: hex`01`,
    read: (r) => r.u16(),
    error: { code: 'truncated', offset: 0, length: 2 },
  },
  {
    name: 'u32 after a u8 on four bytes points at the u32',
    bytes: hex`01 02 03 04`,
    read: (r) => [r.u8(), r.u32()],
    error: { code: 'truncated', offset: 1, length: 4 },
  },
  {
    name: 'u24 on two bytes',
    bytes: hex`01 02`,
    read: (r) => r.u24(),
    error: { code: 'truncated', offset: 0, length: 3 },
  },
  {
    name: 'u64 on seven bytes',
    bytes: hex`00000000 000000`,
    read: (r) => r.u64(),
    error: { code: 'truncated', offset: 0, length: 8 },
  },
  {
    name: 'peekU16 on one byte',
    bytes: hex`01`,
    read: (r) => r.peekU16(),
    error: { code: 'truncated', offset: 0, length: 2 },
  },
  {
    name: 'a length byte larger than what is left (attribute claims 5, 3 present)',
    bytes: hex`05 aa bb cc`,
    read: (r) => r.bytes(r.u8()),
    error: { code: 'truncated', offset: 1, length: 5 },
  },
  {
    name: 'a child cannot read past its field even when the parent has bytes',
    bytes: hex`02 aa bb cc dd`,
    read: (r) => r.sub(r.u8()).u32(),
    error: { code: 'truncated', offset: 1, length: 4 },
  },
  {
    name: 'a grandchild is bounded by its own field',
    bytes: hex`aa bb cc dd ee`,
    read: (r) => {
      const child = r.sub(4);
      child.u8();
      return child.sub(2).bytes(3);
    },
    error: { code: 'truncated', offset: 1, length: 3 },
  },
  {
    name: 'sub larger than the input',
    bytes: hex`01 02 03 04`,
    read: (r) => r.sub(5),
    error: { code: 'truncated', offset: 0, length: 5 },
  },
  {
    name: 'a length shorter than its header gives a negative count',
    bytes: hex`00 02 aa`,
    read: (r) => r.bytes(r.u16() - 4),
    error: { code: 'length-out-of-range', offset: 2 },
  },
  {
    name: 'a huge count fails before any allocation',
    bytes: hex`ff ff ff ff`,
    read: (r) => r.bytes(r.u32() * 0x10000),
    error: { code: 'truncated', offset: 4, length: 0xffffffff * 0x10000 },
  },
  {
    name: 'expectEnd with bytes left',
    bytes: hex`01 02 03`,
    read: (r) => {
      r.u8();
      r.expectEnd();
    },
    error: { code: 'trailing-bytes', offset: 1, length: 2 },
  },
  {
    name: 'offsets are absolute with a baseOffset (payload at 14 of an Ethernet frame)',
    bytes: hex`45 00`,
    baseOffset: 14,
    read: (r) => [r.u8(), r.u16()],
    error: { code: 'truncated', offset: 15, length: 2 },
  },
];
