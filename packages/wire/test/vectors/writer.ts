// Writer vectors: a write sequence and the exact bytes it must produce.
import { hex, Writer } from '../../src/index.js';

export interface WriterVector {
  readonly name: string;
  readonly write: () => Uint8Array;
  readonly bytes: Uint8Array;
}

export const writerVectors: readonly WriterVector[] = [
  {
    name: 'integers are big-endian',
    write: () =>
      new Writer(23)
        .u8(0xff)
        .u16(0x0102)
        .u24(0x030405)
        .u32(0xc0000201)
        .i32(-2)
        .u64(0x0102030405060708n)
        .u8(0)
        .finish(),
    bytes: hex`ff 0102 030405 c0000201 fffffffe 0102030405060708 00`,
  },
  {
    name: 'BGP KEEPALIVE with a back-patched length',
    write: () => {
      const w = new Writer(19);
      w.bytes(new Uint8Array(16).fill(0xff));
      const at = w.reserve(2);
      w.u8(4);
      return w.patchU16(at, w.offset).finish();
    },
    bytes: hex`ffffffff ffffffff ffffffff ffffffff  0013  04`,
  },
  {
    name: 'reserve and zeros write zeros even over a dirty target',
    write: () => {
      const target = new Uint8Array(6).fill(0xee);
      const w = Writer.into(target, 1, 4);
      w.u8(1).zeros(1);
      const at = w.reserve(2);
      w.patchU8(at + 1, 7);
      w.finish();
      return target;
    },
    bytes: hex`ee 01 00 00 07 ee`,
  },
  {
    name: 'patchU24 and patchU32',
    write: () => {
      const w = new Writer(7);
      const a = w.reserve(3);
      const b = w.reserve(4);
      return w.patchU24(a, 0xabcdef).patchU32(b, 0xdeadbeef).finish();
    },
    bytes: hex`abcdef deadbeef`,
  },
];
