/** Limits of {@link FragmentReassembler}. */
export interface FragmentOptions {
  /** Datagrams waiting for fragments at once; the oldest is dropped beyond (default 256). */
  readonly maxPending?: number;
  /** Fragments kept per datagram (default 512). */
  readonly maxFragments?: number;
}

/** A datagram completed by its last missing fragment. */
export interface Reassembled {
  /** The reassembled payload (a fresh copy, at most 65,535 bytes). */
  readonly payload: Uint8Array;
  /** Frame numbers of the fragments, in arrival order. */
  readonly frames: readonly number[];
  /** Next header (IPv6) or protocol (IPv4) as the first fragment states it. */
  readonly protocol: number;
}

interface Pending {
  readonly pieces: { offset: number; data: Uint8Array }[];
  readonly frames: number[];
  total: number | undefined;
  protocol: number | undefined;
}

/** Largest reassembled datagram payload: an IP total length is 16 bits. */
export const MAX_DATAGRAM = 65_535;

/**
 * IPv4 (RFC 791 §3.2) and IPv6 (RFC 8200 §4.5) fragment reassembly, keyed by the
 * caller (family, source, destination, identification, protocol). Overlapping bytes
 * keep the first fragment's data, as Wireshark does by default. Memory is bounded: at
 * most `maxPending` datagrams of at most 65,535 bytes, each of at most `maxFragments`
 * fragments; a fragment reaching past 65,535 bytes is refused (`add` returns
 * `'invalid'`).
 */
export class FragmentReassembler {
  readonly #pending = new Map<string, Pending>();
  readonly #maxPending: number;
  readonly #maxFragments: number;

  constructor(options: FragmentOptions = {}) {
    this.#maxPending = options.maxPending ?? 256;
    this.#maxFragments = options.maxFragments ?? 512;
  }

  /** Datagrams waiting for more fragments. */
  get pending(): number {
    return this.#pending.size;
  }

  /**
   * Add one fragment. Returns the datagram when this fragment completes it, `undefined`
   * while fragments are missing, `'invalid'` for a fragment that cannot belong to any
   * datagram (past 65,535 bytes, or too many fragments).
   */
  add(
    key: string,
    offset: number,
    data: Uint8Array,
    more: boolean,
    frame: number,
    protocol: number,
  ): Reassembled | 'invalid' | undefined {
    if (offset + data.length > MAX_DATAGRAM) return 'invalid';
    let entry = this.#pending.get(key);
    if (entry === undefined) {
      if (this.#pending.size >= this.#maxPending) {
        const oldest = this.#pending.keys().next().value;
        if (oldest !== undefined) this.#pending.delete(oldest);
      }
      entry = { pieces: [], frames: [], total: undefined, protocol: undefined };
      this.#pending.set(key, entry);
    }
    if (entry.pieces.length >= this.#maxFragments) {
      this.#pending.delete(key);
      return 'invalid';
    }
    entry.pieces.push({ offset, data });
    entry.frames.push(frame);
    if (offset === 0 && entry.protocol === undefined) entry.protocol = protocol;
    if (!more && entry.total === undefined) entry.total = offset + data.length;
    const total = entry.total;
    if (total === undefined) return undefined;
    // Complete when the pieces cover [0, total) without a hole.
    const sorted = [...entry.pieces].sort((a, b) => a.offset - b.offset);
    let covered = 0;
    for (const p of sorted) {
      if (p.offset > covered) return undefined;
      covered = Math.max(covered, p.offset + p.data.length);
    }
    if (covered < total) return undefined;
    const payload = new Uint8Array(total);
    // Latest first, so earlier fragments overwrite: the first-seen bytes win.
    for (let i = entry.pieces.length - 1; i >= 0; i--) {
      const p = entry.pieces[i]!;
      const end = Math.min(p.offset + p.data.length, total);
      if (end > p.offset) payload.set(p.data.subarray(0, end - p.offset), p.offset);
    }
    this.#pending.delete(key);
    return { payload, frames: entry.frames, protocol: entry.protocol ?? protocol };
  }
}
