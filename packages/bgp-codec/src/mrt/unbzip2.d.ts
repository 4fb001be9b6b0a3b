// Types of the two pure-JS modules of `unbzip2-stream` used by `bzip2.ts` (the package
// ships none). Only what is called is declared.
declare module 'unbzip2-stream/lib/bzip2.js' {
  type Bits = ((n: number | null) => number) & { bytesRead: number };
  const bzip2: {
    header(bits: Bits): number;
    decompress(
      bits: Bits,
      stream: (byte: number) => void,
      buf: Int32Array,
      bufsize: number,
      streamCRC: number | null,
    ): number | null;
  };
  export default bzip2;
}
declare module 'unbzip2-stream/lib/bit_iterator.js' {
  type Bits = ((n: number | null) => number) & { bytesRead: number };
  export default function bitIterator(next: () => Uint8Array | undefined): Bits;
}
