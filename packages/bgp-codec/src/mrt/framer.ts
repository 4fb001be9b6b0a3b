import { MAX_RECORD_LENGTH, type MrtDecodeError } from './errors.js';
import { isExtendedTimestampType, MrtType } from './iana.js';
import {
  decodeMrtRecord,
  MRT_HEADER_LENGTH,
  type MrtDecodeOptions,
  type MrtRecord,
} from './record.js';

/** One item of a record stream: a record and its file offset, or the error that ended a stretch. */
export type MrtItem =
  | { readonly ok: true; readonly record: MrtRecord; readonly offset: number }
  | { readonly ok: false; readonly error: MrtDecodeError };

/** Options of the record walkers. */
export interface MrtFramingOptions {
  /**
   * After a damaged record, scan forward for the next plausible header and go on (one
   * error item per damaged stretch). Default `false`: yield the error and stop, as bgpdump
   * does.
   */
  readonly resync?: boolean;
  /** See {@link MrtDecodeOptions.messages}. */
  readonly messages?: 'decode' | 'raw';
}

/** Highest subtype of each known type (for the resync plausibility check). */
const MAX_SUBTYPE: Readonly<Record<number, number>> = {
  [MrtType.Bgp]: 7,
  [MrtType.OspfV2]: 0xffff,
  [MrtType.TableDump]: 2,
  [MrtType.TableDumpV2]: 12,
  [MrtType.Bgp4mp]: 11,
  [MrtType.Bgp4mpEt]: 11,
  [MrtType.Isis]: 0xffff,
  [MrtType.IsisEt]: 0xffff,
  [MrtType.OspfV3]: 0xffff,
  [MrtType.OspfV3Et]: 0xffff,
};
/** 1990-01-01 and 2100-01-01: outside this a timestamp is taken as damage when resyncing. */
const MIN_TIME = 631_152_000;
const MAX_TIME = 4_102_444_800;
/** When resyncing, a header more than 30 days from the last good one is not plausible. */
const MAX_SKEW = 30 * 86_400;

function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}

/** Whether the 12 bytes at `i` look like a real MRT header (used when resyncing). */
export function plausibleHeader(b: Uint8Array, i: number, lastTime: number | undefined): boolean {
  const time = u32(b, i);
  const type = (b[i + 4]! << 8) | b[i + 5]!;
  const subtype = (b[i + 6]! << 8) | b[i + 7]!;
  const length = u32(b, i + 8);
  const max = MAX_SUBTYPE[type];
  if (max === undefined || subtype > max) return false;
  if (length > MAX_RECORD_LENGTH || (isExtendedTimestampType(type) && length < 4)) return false;
  if (time < MIN_TIME || time > MAX_TIME) return false;
  if (lastTime !== undefined && Math.abs(time - lastTime) > MAX_SKEW) return false;
  return true;
}

/**
 * Cuts a byte stream into records. Feed it chunks with {@link MrtFramer.push} and call
 * {@link MrtFramer.end} at the end of input. It never copies a record that lies inside
 * one chunk (records alias the chunks) and never writes to a chunk; a record that spans
 * chunks is copied once into fresh memory. It holds at most one partial record.
 */
export class MrtFramer {
  readonly #resync: boolean;
  readonly #messages: 'decode' | 'raw';
  #buf: Uint8Array = new Uint8Array(0);
  /** File offset of `#buf[0]`. */
  #base = 0;
  #scanning = false;
  #stopped = false;
  #lastTime: number | undefined;

  constructor(options?: MrtFramingOptions) {
    this.#resync = options?.resync === true;
    this.#messages = options?.messages ?? 'decode';
  }

  /** Whether an error stopped the stream (without resync). */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** File offset of the next byte to frame. */
  get offset(): number {
    return this.#base;
  }

  /** Frame the records completed by `chunk`. */
  *push(chunk: Uint8Array): Generator<MrtItem, void, undefined> {
    if (this.#stopped || chunk.length === 0) return;
    // A plain view: subarrays of a Node Buffer are Buffers, slower to make.
    const plain =
      chunk.constructor === Uint8Array
        ? chunk
        : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#buf.length === 0) this.#buf = plain;
    else {
      const joined = new Uint8Array(this.#buf.length + chunk.length);
      joined.set(this.#buf, 0);
      joined.set(plain, this.#buf.length);
      this.#buf = joined;
    }
    yield* this.#frame(false);
  }

  /** Frame what is left at the end of input (a partial record is an error). */
  *end(): Generator<MrtItem, void, undefined> {
    if (this.#stopped) return;
    yield* this.#frame(true);
    this.#buf = new Uint8Array(0);
  }

  *#frame(atEnd: boolean): Generator<MrtItem, void, undefined> {
    const buf = this.#buf;
    let pos = 0;
    for (;;) {
      if (this.#scanning) {
        let found = -1;
        for (let i = pos; i + MRT_HEADER_LENGTH <= buf.length; i++) {
          if (plausibleHeader(buf, i, this.#lastTime)) {
            found = i;
            break;
          }
        }
        if (found < 0) {
          pos = atEnd ? buf.length : Math.max(pos, buf.length - (MRT_HEADER_LENGTH - 1));
          break;
        }
        pos = found;
        this.#scanning = false;
      }
      const left = buf.length - pos;
      if (left === 0) break;
      if (left < MRT_HEADER_LENGTH) {
        if (atEnd) yield* this.#damage(pos, 'truncated-record', 'incomplete MRT header');
        break;
      }
      const length = u32(buf, pos + 8);
      const damaged =
        length > MAX_RECORD_LENGTH || (this.#resync && !plausibleHeader(buf, pos, this.#lastTime));
      if (damaged) {
        const why = length > MAX_RECORD_LENGTH ? 'record-too-long' : 'bad-header';
        yield* this.#damage(pos, why, `implausible header at offset ${this.#base + pos}`);
        if (this.#stopped) return;
        pos += 1;
        continue;
      }
      if (left < MRT_HEADER_LENGTH + length) {
        if (atEnd) {
          yield* this.#damage(
            pos,
            'truncated-record',
            `record of ${length} bytes, ${left - 12} left`,
          );
          if (this.#stopped) return;
          pos += 1;
          continue;
        }
        break;
      }
      const offset = this.#base + pos;
      const res = decodeMrtRecord(buf.subarray(pos, pos + MRT_HEADER_LENGTH + length), {
        baseOffset: offset,
        messages: this.#messages,
      });
      if (!res.ok) {
        yield* this.#damage(pos, 'bad-header', res.error.detail ?? res.error.code, res.error);
        if (this.#stopped) return;
        pos += 1;
        continue;
      }
      this.#lastTime = res.value.timestamp;
      yield { ok: true, record: res.value, offset };
      pos += MRT_HEADER_LENGTH + length;
    }
    this.#base += pos;
    // The leftover still aliases the chunk, which is never written to.
    this.#buf = buf.subarray(pos);
  }

  *#damage(
    pos: number,
    code: 'truncated-record' | 'record-too-long' | 'bad-header',
    detail: string,
    error?: MrtDecodeError,
  ): Generator<MrtItem, void, undefined> {
    yield { ok: false, error: error ?? { code, offset: this.#base + pos, detail } };
    if (!this.#resync) {
      this.#stopped = true;
      this.#buf = new Uint8Array(0);
    } else this.#scanning = true;
  }
}

/**
 * Records of a whole (decompressed) MRT buffer, as {@link MrtItem}s. Without `resync`,
 * stops after the first error.
 */
export function* mrtRecords(
  bytes: Uint8Array,
  options?: MrtFramingOptions,
): Generator<MrtItem, void, undefined> {
  const f = new MrtFramer(options);
  yield* f.push(bytes);
  yield* f.end();
}
