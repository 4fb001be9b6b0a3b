/**
 * RIP timers (RFC 2453 §3.8, §3.10.1), all configurable: shorter timers trade
 * stability and traffic for failover time.
 */
export interface RipTimers {
  /** Periodic update interval (RFC 2453: 30 s). */
  readonly update: number;
  /** Random offset ± this much on every periodic update (RFC 2453 §3.8: 0–5 s). */
  readonly jitter: number;
  /** A neighbour's route expires this long after its last advertisement (180 s). */
  readonly timeout: number;
  /** An unreachable route is advertised with metric 16 this long before deletion (120 s). */
  readonly garbage: number;
  /** Triggered-update damping: 1–5 s random quiet time after a triggered update. */
  readonly triggeredMin: number;
  readonly triggeredMax: number;
}

/** RFC 2453 defaults, in milliseconds. */
export const DEFAULT_RIP_TIMERS: RipTimers = Object.freeze({
  update: 30_000,
  jitter: 5_000,
  timeout: 180_000,
  garbage: 120_000,
  triggeredMin: 1_000,
  triggeredMax: 5_000,
});

/** The lab's fast preset (FRR `timers basic 5 15 10`), in milliseconds. */
export const FAST_RIP_TIMERS: RipTimers = Object.freeze({
  update: 5_000,
  jitter: 500,
  timeout: 15_000,
  garbage: 10_000,
  triggeredMin: 200,
  triggeredMax: 1_000,
});

/** Fill in defaults and check the values (throws `RangeError`). */
export function resolveTimers(partial: Partial<RipTimers> = {}): RipTimers {
  const t = { ...DEFAULT_RIP_TIMERS, ...partial };
  for (const [k, v] of Object.entries(t)) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`timer ${k} must be >= 0, got ${v}`);
  }
  if (t.update <= 0) throw new RangeError('timer update must be > 0');
  if (t.jitter >= t.update) throw new RangeError('timer jitter must be below update');
  if (t.triggeredMin > t.triggeredMax) throw new RangeError('triggeredMin > triggeredMax');
  return t;
}
