import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** Give up after this long (default 30 s). */
  readonly timeoutMs?: number;
  /** Poll interval (default 200 ms). */
  readonly intervalMs?: number;
  /** What is awaited, for the error message ("BGP a↔b Established"). */
  readonly describe?: string;
  /** Called on timeout: a snapshot of the state worth showing (JSON-ified if not a string). */
  readonly state?: () => unknown;
  /** Called on timeout: log tails to append to the error. */
  readonly logs?: () => string | Promise<string>;
  /**
   * Checked before every poll: a message means waiting is pointless (a daemon died) and
   * the wait fails at once with it.
   */
  readonly abortIf?: () => string | undefined;
}

/** `waitFor` gave up. Carries what was last seen. */
export class WaitTimeoutError extends Error {
  readonly elapsedMs: number;
  readonly lastValue: unknown;
  readonly lastError: unknown;
  constructor(message: string, elapsedMs: number, lastValue: unknown, lastError: unknown) {
    super(message);
    this.name = 'WaitTimeoutError';
    this.elapsedMs = elapsedMs;
    this.lastValue = lastValue;
    this.lastError = lastError;
  }
}

function show(v: unknown, limit = 3000): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (v instanceof Error) s = v.message;
  else {
    try {
      s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x), 2);
    } catch {
      s = String(v);
    }
  }
  if (s === undefined) s = String(v);
  return s.length > limit ? `${s.slice(0, limit)}… (${s.length} chars)` : s;
}

/** `T` without its falsy members (what `waitFor` resolves to). */
export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

type Step<T> =
  | { readonly done: true; readonly value: T }
  | { readonly done: false; readonly seen: unknown };

async function poll<T>(step: () => Promise<Step<T>>, options: WaitOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 200;
  const start = performance.now();
  let lastValue: unknown;
  let lastError: unknown;
  let polls = 0;
  const message = async (head: string): Promise<string> => {
    const parts = [head];
    parts.push(
      lastError !== undefined ? `last error: ${show(lastError)}` : `last value: ${show(lastValue)}`,
    );
    if (options.state) {
      try {
        parts.push(`state: ${show(await options.state())}`);
      } catch (e) {
        parts.push(`state: (could not be read: ${show(e)})`);
      }
    }
    if (options.logs) {
      try {
        parts.push(await options.logs());
      } catch (e) {
        parts.push(`logs: (could not be read: ${show(e)})`);
      }
    }
    return parts.join('\n');
  };
  const what = options.describe ? ` for ${options.describe}` : '';
  for (;;) {
    const aborted = options.abortIf?.();
    if (aborted !== undefined) {
      throw new WaitTimeoutError(
        await message(`gave up waiting${what}: ${aborted}`),
        performance.now() - start,
        lastValue,
        lastError,
      );
    }
    polls++;
    try {
      const r = await step();
      lastError = undefined;
      if (r.done) return r.value;
      lastValue = r.seen;
    } catch (e) {
      lastError = e;
    }
    const elapsed = performance.now() - start;
    if (elapsed >= timeoutMs) {
      throw new WaitTimeoutError(
        await message(`timed out after ${Math.round(elapsed)} ms (${polls} polls)${what}`),
        elapsed,
        lastValue,
        lastError,
      );
    }
    await sleep(Math.min(intervalMs, Math.max(0, timeoutMs - elapsed)));
  }
}

/**
 * Poll `predicate` until it returns a truthy value, and return that value. A predicate
 * that throws counts as "not yet" (a daemon still starting). On timeout the error gives
 * the last value or error seen, the `state` snapshot and the `logs`.
 */
export function waitFor<T>(
  predicate: () => T | Promise<T>,
  options: WaitOptions = {},
): Promise<Truthy<T>> {
  return poll<Truthy<T>>(async () => {
    const value = await predicate();
    return value ? { done: true, value: value as Truthy<T> } : { done: false, seen: value };
  }, options);
}

/**
 * Poll `probe` until `accept(value)` holds; return that value. On timeout the error
 * shows the last probed value (e.g. the BGP state "Active" when "Established" was
 * awaited).
 */
export function waitUntil<T>(
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  options: WaitOptions = {},
): Promise<T> {
  return poll(async () => {
    const value = await probe();
    return accept(value) ? { done: true, value } : { done: false, seen: value };
  }, options);
}
