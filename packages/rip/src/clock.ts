/**
 * The engine's only notion of time. Inject {@link systemClock} on real sockets, a
 * {@link VirtualClock} in tests and simulators: every timer of the engine goes through it.
 */
export interface Clock {
  /** Milliseconds; monotonic non-decreasing for the engine's purposes. */
  now(): number;
  /** Run `fn` once after `ms` milliseconds; returns a handle for {@link Clock.clear}. */
  set(fn: () => void, ms: number): TimerHandle;
  clear(handle: TimerHandle): void;
}

/** An opaque timer handle. */
export type TimerHandle = { readonly id: number };

/** Wall-clock time and the host's timers (`globalThis.setTimeout`, browser or Node). */
export const systemClock: Clock = (() => {
  const g = globalThis as unknown as {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(h: unknown): void;
  };
  const handles = new Map<number, unknown>();
  let next = 1;
  return {
    now: () => Date.now(),
    set(fn, ms) {
      const id = next++;
      handles.set(
        id,
        g.setTimeout(() => {
          handles.delete(id);
          fn();
        }, ms),
      );
      return { id };
    },
    clear(h) {
      const t = handles.get(h.id);
      if (t !== undefined) g.clearTimeout(t);
      handles.delete(h.id);
    },
  };
})();

interface Pending {
  readonly id: number;
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

/**
 * A deterministic clock: time moves only through {@link VirtualClock.advance}, timers
 * fire in time order (ties in the order they were set).
 */
export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  #next = 1;
  readonly #timers = new Map<number, Pending>();

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  set(fn: () => void, ms: number): TimerHandle {
    const id = this.#next++;
    this.#timers.set(id, { id, at: this.#now + Math.max(0, ms), seq: this.#seq++, fn });
    return { id };
  }

  clear(handle: TimerHandle): void {
    this.#timers.delete(handle.id);
  }

  /** Timers still pending. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Move time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      let first: Pending | undefined;
      for (const t of this.#timers.values()) {
        if (t.at > end) continue;
        if (first === undefined || t.at < first.at || (t.at === first.at && t.seq < first.seq)) {
          first = t;
        }
      }
      if (first === undefined) break;
      this.#timers.delete(first.id);
      this.#now = first.at;
      first.fn();
    }
    this.#now = end;
  }
}
