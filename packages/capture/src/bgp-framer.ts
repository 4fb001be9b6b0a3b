import type { Framer, FramerResult, Resync } from './reassembly.js';

/** BGP message header sizes (RFC 4271 §4.1). */
export const BGP_MARKER_LENGTH = 16;
export const BGP_HEADER_LENGTH = 19;
/** Largest message without the Extended Message capability (RFC 4271 §4.1). */
export const BGP_MAX_MESSAGE_LENGTH = 4096;
/** Largest message with it (RFC 8654). */
export const BGP_MAX_EXTENDED_MESSAGE_LENGTH = 65_535;

/** Options of {@link bgpFramer}. */
export interface BgpFramerOptions {
  /** Allow lengths up to 65,535 (RFC 8654 Extended Messages). Default false: 4,096. */
  readonly extendedMessages?: boolean;
}

/**
 * Frames a BGP byte stream: the 16-byte all-ones marker, then a 2-byte length counting
 * the whole message (19 to 4,096, or 65,535 with extended messages).
 *
 * ```text
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                                                               +
 * |                           Marker                              |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Length               |      Type     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 *
 * Only framing is checked here; the type and body are the codec's business.
 */
export function bgpFramer(options: BgpFramerOptions = {}): Framer {
  const max = options.extendedMessages ? BGP_MAX_EXTENDED_MESSAGE_LENGTH : BGP_MAX_MESSAGE_LENGTH;
  return (bytes: Uint8Array): FramerResult => {
    const seen = Math.min(bytes.length, BGP_MARKER_LENGTH);
    for (let i = 0; i < seen; i++) {
      if (bytes[i] !== 0xff) return { kind: 'invalid', detail: `marker byte ${i} is not 0xff` };
    }
    if (bytes.length < BGP_HEADER_LENGTH) return { kind: 'need-more' };
    const length = (bytes[16]! << 8) | bytes[17]!;
    if (length < BGP_HEADER_LENGTH || length > max) {
      return {
        kind: 'invalid',
        detail: `message length ${length} is outside ${BGP_HEADER_LENGTH}..${max}`,
      };
    }
    if (bytes.length < length) return { kind: 'need-more' };
    return { kind: 'message', length };
  };
}

/** Index of the next 16 × 0xFF marker at or after `from`, or -1: {@link Resync} for BGP. */
export const findBgpMarker: Resync = (bytes: Uint8Array, from: number): number => {
  let run = 0;
  for (let i = Math.max(0, from); i < bytes.length; i++) {
    if (bytes[i] === 0xff) {
      run++;
      // A run longer than 16 (0xff bytes before a marker) still ends in a marker.
      if (run >= BGP_MARKER_LENGTH && bytes[i + 1] !== 0xff) return i - BGP_MARKER_LENGTH + 1;
    } else run = 0;
  }
  // A marker cut by the end of the run: start there and let the framer ask for more.
  return run > 0 ? bytes.length - run : -1;
};
