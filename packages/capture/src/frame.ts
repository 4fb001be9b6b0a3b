import type { CaptureError } from './errors.js';

/** One captured packet, as a file reader found it. */
export interface Frame {
  /** 1-based position in the file, as tshark numbers frames (`frame.number`). */
  readonly number: number;
  /** Arrival time in nanoseconds since 1970-01-01 UTC (full pcapng precision up to 1 ns). */
  readonly timestamp: bigint;
  /** Index into {@link Capture.interfaces} (global across pcapng sections; 0 for pcap). */
  readonly interfaceId: number;
  /** The interface's `LINKTYPE_*` value. */
  readonly linkType: number;
  /** Bytes present in the file (`data.length`). */
  readonly capturedLength: number;
  /** Length of the packet on the wire (may exceed `capturedLength` under a snap length). */
  readonly originalLength: number;
  /** The packet bytes: a view that aliases the (decompressed) file, not a copy. */
  readonly data: Uint8Array;
  /** Offset of the frame's record or block in the (decompressed) file. */
  readonly fileOffset: number;
}

/**
 * An interface: the one of a pcap file, or an Interface Description Block of a pcapng
 * section.
 */
export interface CaptureInterface {
  /** Global index, as used by {@link Frame.interfaceId}. */
  readonly id: number;
  /** pcapng section (0-based); always 0 for pcap. */
  readonly section: number;
  readonly linkType: number;
  /** `LINKTYPE_ETHERNET`, … (see `linkTypeName`). */
  readonly linkTypeName: string;
  /** Snap length (0 = unlimited in pcapng). */
  readonly snapLength: number;
  /** Timestamp resolution as a divisor: ticks per second (10^6 for µs, 10^9 for ns). */
  readonly ticksPerSecond: bigint;
  /** `if_name`, when a pcapng IDB carries one. */
  readonly name?: string;
  /** `if_description`, when a pcapng IDB carries one. */
  readonly description?: string;
  /** Bytes of frame check sequence at the end of each frame (pcap FCS bits, `if_fcslen`). */
  readonly fcsLength?: number;
}

/** What a file reader found: every frame before the end or the first damaged block. */
export interface Capture {
  readonly format: 'pcap' | 'pcapng' | 'unknown';
  /** Whether the file was gzip-compressed. */
  readonly compressed: boolean;
  /** Byte order of the (first) file or section header. */
  readonly byteOrder: 'big-endian' | 'little-endian' | 'unknown';
  /** Version of the (first) header, `2.4` for pcap, `1.0` for pcapng. */
  readonly version: string;
  /** pcapng sections seen (1 for pcap). */
  readonly sections: number;
  readonly interfaces: readonly CaptureInterface[];
  readonly frames: readonly Frame[];
  /** Present when reading stopped early: the frames before it are still listed. */
  readonly error?: CaptureError;
}
