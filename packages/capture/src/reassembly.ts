import type { Flow } from './flows.js';
import { TcpFlag, type TcpSegment } from './tcp.js';

/** A byte range of a reassembled stream and the frame its bytes came from. */
export interface StreamPiece {
  /** Stream offset of the first byte (0 = the byte after the SYN, or the first seen). */
  readonly start: number;
  /** Stream offset one past the last byte. */
  readonly end: number;
  readonly frame: number;
}

/** Contiguous reassembled bytes: a stream has one run, or one per stretch between gaps. */
export interface StreamRun {
  /** Stream offset of `data[0]`. */
  readonly start: number;
  /** The bytes (a fresh copy made once per run). */
  readonly data: Uint8Array;
  /** Where each byte range came from, in stream order, covering `data` exactly. */
  readonly pieces: readonly StreamPiece[];
}

/** One direction of a TCP conversation, reassembled. */
export interface TcpStream {
  readonly flow: Flow;
  /** 0: the flow's a → b, 1: b → a. */
  readonly direction: 0 | 1;
  /** Whether a SYN was seen in this direction (else the capture began mid-stream). */
  readonly synSeen: boolean;
  /** Raw sequence number of stream offset 0. */
  readonly baseSequence: number;
  readonly runs: readonly StreamRun[];
  /** Missing stretches between runs (bytes never captured). */
  readonly gaps: readonly { readonly start: number; readonly length: number }[];
  /** Reassembled bytes: the sum of the runs' lengths. */
  readonly bytes: number;
  /** Segments whose data was already there, in full (retransmissions) or in part. */
  readonly retransmitted: number;
}

interface Segment {
  readonly sequence: number;
  readonly syn: boolean;
  readonly payload: Uint8Array;
  readonly frame: number;
}

interface Direction {
  readonly flow: Flow;
  readonly direction: 0 | 1;
  readonly segments: Segment[];
  syn: number | undefined;
}

/**
 * TCP stream reassembly (RFC 9293 §3.4 sequence numbers), per flow direction and
 * offline: add every segment in capture order, then `finish()`.
 *
 * - Sequence numbers are taken relative to the SYN (stream offset 0 is the first data
 *   byte after it), or, for a capture that begins mid-stream, to the lowest sequence
 *   number seen (32-bit wrap-around handled).
 * - Out-of-order segments are put in place; overlapping or retransmitted bytes keep
 *   the first-seen copy (Wireshark's default).
 * - Missing bytes end a run; the next run starts after a gap. The caller's framer
 *   resynchronises there (see `cutMessages`).
 * - Only captured bytes are used: a segment cut by a snap length leaves a gap.
 */
export class TcpReassembler {
  readonly #directions = new Map<string, Direction>();

  add(flow: Flow, direction: 0 | 1, segment: TcpSegment, frame: number): void {
    const key = `${flow.id}|${direction}`;
    let d = this.#directions.get(key);
    if (d === undefined) {
      d = { flow, direction, segments: [], syn: undefined };
      this.#directions.set(key, d);
    }
    const syn = (segment.flags & TcpFlag.Syn) !== 0;
    if (syn && d.syn === undefined) d.syn = segment.sequence;
    if (segment.payload.length > 0) {
      d.segments.push({ sequence: segment.sequence, syn, payload: segment.payload, frame });
    }
  }

  /** Reassemble every direction seen, in order of first appearance. */
  finish(): TcpStream[] {
    return [...this.#directions.values()].map(reassembleDirection);
  }
}

/**
 * Sequence numbers the SYN takes: 1 (RFC 9293 §3.4), or 0 for captures written by tools
 * that put data on a SYN without counting the SYN — the next segment then starts right
 * after the SYN's data instead of one byte later (pmacct and PcapPlusPlus test captures).
 */
function synSlot(d: Direction): 0 | 1 {
  const syn = d.segments.find((s) => s.syn);
  if (syn === undefined) return 1;
  const after = (syn.sequence + syn.payload.length) >>> 0;
  const startsAt = (sequence: number): boolean =>
    d.segments.some((s) => !s.syn && s.sequence === sequence);
  return startsAt(after) && !startsAt((after + 1) >>> 0) ? 0 : 1;
}

function reassembleDirection(d: Direction): TcpStream {
  let base: number;
  const slot = synSlot(d);
  if (d.syn !== undefined) base = (d.syn + slot) >>> 0;
  else {
    const first = d.segments[0]?.sequence ?? 0;
    let min = 0;
    for (const s of d.segments) min = Math.min(min, (s.sequence - first) | 0);
    base = (first + min) >>> 0;
  }
  // Covered ranges, disjoint and sorted, each with its data view and frame.
  const pieces: { start: number; end: number; frame: number; data: Uint8Array }[] = [];
  let retransmitted = 0;
  for (const s of d.segments) {
    let start = (s.sequence - base) | 0;
    if (s.syn) start += slot;
    let data = s.payload;
    if (start < 0) {
      // bytes before the stream's first byte (data on a SYN seen twice, …)
      if (-start >= data.length) continue;
      data = data.subarray(-start);
      start = 0;
    }
    const end = start + data.length;
    const last = pieces[pieces.length - 1];
    if (last === undefined || start >= last.end) {
      pieces.push({ start, end, frame: s.frame, data });
      continue;
    }
    // Out of order or overlapping: keep only the uncovered parts.
    let i = lowerBound(pieces, start);
    let at = start;
    const added: typeof pieces = [];
    while (at < end) {
      const p = pieces[i];
      if (p === undefined || p.start >= end) {
        added.push({ start: at, end, frame: s.frame, data: data.subarray(at - start) });
        at = end;
        break;
      }
      if (p.start > at) {
        added.push({
          start: at,
          end: p.start,
          frame: s.frame,
          data: data.subarray(at - start, p.start - start),
        });
      }
      at = Math.max(at, p.end);
      i++;
    }
    const newBytes = added.reduce((n, p) => n + p.end - p.start, 0);
    if (newBytes < data.length) retransmitted++;
    for (const p of added) pieces.splice(lowerBound(pieces, p.start), 0, p);
  }
  // Join touching pieces into runs.
  const runs: StreamRun[] = [];
  const gaps: { start: number; length: number }[] = [];
  let k = 0;
  while (k < pieces.length) {
    let j = k + 1;
    while (j < pieces.length && pieces[j]!.start === pieces[j - 1]!.end) j++;
    const first = pieces[k]!;
    const lastEnd = pieces[j - 1]!.end;
    const data = new Uint8Array(lastEnd - first.start);
    const list: StreamPiece[] = [];
    for (let m = k; m < j; m++) {
      const p = pieces[m]!;
      data.set(p.data, p.start - first.start);
      list.push({ start: p.start, end: p.end, frame: p.frame });
    }
    const prev = runs[runs.length - 1];
    const prevEnd = prev === undefined ? 0 : prev.start + prev.data.length;
    if (first.start > prevEnd) gaps.push({ start: prevEnd, length: first.start - prevEnd });
    runs.push({ start: first.start, data, pieces: list });
    k = j;
  }
  return {
    flow: d.flow,
    direction: d.direction,
    synSeen: d.syn !== undefined,
    baseSequence: base,
    runs,
    gaps,
    bytes: runs.reduce((n, r) => n + r.data.length, 0),
    retransmitted,
  };
}

/** Index of the first piece whose end is after `offset`. */
function lowerBound(pieces: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What a framer says about the bytes at the current position of a stream. */
export type FramerResult =
  | { readonly kind: 'message'; readonly length: number }
  | { readonly kind: 'need-more' }
  | { readonly kind: 'invalid'; readonly detail: string };

/**
 * Cuts a stream into messages: given the bytes from the current position to the end
 * of the run, says how long the message there is. E.g. `bgpFramer()`, or a codec's
 * `peekMessageLength`.
 */
export type Framer = (bytes: Uint8Array) => FramerResult;

/**
 * Where the next message may start after an invalid one or a gap: an index into
 * `bytes` (≥ 1 after an invalid message, ≥ 0 after a gap), or -1 for none in this run.
 */
export type Resync = (bytes: Uint8Array, from: number) => number;

/** A message cut from a stream. */
export interface StreamMessage {
  /** Stream offset of the first byte. */
  readonly offset: number;
  /** The message bytes (a view into the run's data). */
  readonly bytes: Uint8Array;
  /** Frame holding the message's first byte. */
  readonly firstFrame: number;
  /** Frame holding the message's last byte (the frame that completed it). */
  readonly lastFrame: number;
}

/** Bytes of a stream that are no message: skipped while resynchronising, or cut off. */
export interface StreamIssue {
  readonly kind: 'invalid' | 'incomplete' | 'gap';
  /** Stream offset. */
  readonly offset: number;
  readonly length: number;
  /** Frame holding the first byte concerned. */
  readonly frame: number;
  readonly detail: string;
}

/**
 * Cut every run of `stream` into messages with `framer`. A run that does not start at
 * stream offset 0 (after a gap, or mid-stream capture) and every invalid message are
 * followed by `resync` (default: the next byte) to find the next message start.
 */
export function cutMessages(
  stream: TcpStream,
  framer: Framer,
  resync: Resync = (_bytes, from) => from,
): { messages: StreamMessage[]; issues: StreamIssue[] } {
  const messages: StreamMessage[] = [];
  const issues: StreamIssue[] = [];
  for (const gap of stream.gaps) {
    issues.push({
      kind: 'gap',
      offset: gap.start,
      length: gap.length,
      frame: frameAt(stream.runs, gap.start + gap.length),
      detail: `${gap.length} bytes missing from the capture`,
    });
  }
  for (const run of stream.runs) {
    const data = run.data;
    let at = 0;
    const skip = (stop: number, detail: string): void => {
      const prev = issues[issues.length - 1];
      if (prev?.kind === 'invalid' && prev.offset + prev.length === run.start + at) {
        // merge with the stretch just skipped
        issues[issues.length - 1] = { ...prev, length: prev.length + stop - at };
      } else {
        issues.push({
          kind: 'invalid',
          offset: run.start + at,
          length: stop - at,
          frame: pieceFrame(run, run.start + at),
          detail,
        });
      }
      at = stop;
    };
    if (run.start !== 0) {
      // After a gap or at a mid-stream start, find the first plausible message start.
      const next = resync(data, 0);
      const stop = next < 0 ? data.length : Math.min(next, data.length);
      if (stop > 0) skip(stop, 'bytes before the first message boundary found after a gap');
    }
    while (at < data.length) {
      const result = framer(data.subarray(at));
      if (result.kind === 'message' && result.length > 0) {
        const end = Math.min(at + result.length, data.length);
        messages.push({
          offset: run.start + at,
          bytes: data.subarray(at, end),
          firstFrame: pieceFrame(run, run.start + at),
          lastFrame: pieceFrame(run, run.start + end - 1),
        });
        at = end;
        continue;
      }
      if (result.kind === 'need-more') {
        issues.push({
          kind: 'incomplete',
          offset: run.start + at,
          length: data.length - at,
          frame: pieceFrame(run, run.start + at),
          detail: `${data.length - at} bytes at the end of the run are not a complete message`,
        });
        break;
      }
      const next = resync(data, at + 1);
      const stop = next <= at ? data.length : Math.min(next, data.length);
      skip(stop, result.kind === 'invalid' ? result.detail : 'empty message');
    }
  }
  issues.sort((a, b) => a.offset - b.offset);
  return { messages, issues };
}

function pieceFrame(run: StreamRun, offset: number): number {
  const pieces = run.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo]?.frame ?? 0;
}

function frameAt(runs: readonly StreamRun[], offset: number): number {
  for (const run of runs) {
    if (offset >= run.start && offset < run.start + run.data.length) return pieceFrame(run, offset);
  }
  return 0;
}
