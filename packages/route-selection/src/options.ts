/**
 * Selection options, their defaults, and their validation.
 */
import { DEFAULT_DISTANCES, type DistanceTable, isDistance } from './distance.js';
import { SelectionError } from './errors.js';

/**
 * How the BGP decision process walks the candidates.
 *
 * - `deterministic` (default): RFC 4271 §9.1.2.2 as written, each step an elimination
 *   over the whole remaining set (what FRR and Cisco call `deterministic-med`). The
 *   winner is a function of the candidate *set*.
 * - `arrival-order`: Cisco's and FRR's default pairwise walk, newest path first, each
 *   path compared with the best so far. Because MED is only compared between paths
 *   from the same neighbour AS, pairwise preference is not transitive and the winner
 *   depends on the order the paths arrived in. For users who must match such a router.
 */
export const BgpMode = {
  Deterministic: 'deterministic',
  ArrivalOrder: 'arrival-order',
} as const;
export type BgpMode = (typeof BgpMode)[keyof typeof BgpMode];

/** Options of the BGP decision process. Defaults match FRR's defaults except where noted. */
export interface BgpOptions {
  /** Default `deterministic`. */
  readonly mode?: BgpMode | undefined;
  /** Compare MED between paths from different neighbour ASes too (`bgp always-compare-med`). Default `false`. */
  readonly alwaysCompareMed?: boolean | undefined;
  /** A path without MED counts as MED 4294967295 instead of 0 (`bgp bestpath med missing-as-worst`). Default `false`. */
  readonly missingMedAsWorst?: boolean | undefined;
  /**
   * RFC 5004: when the remaining paths are all external, keep the one that arrived
   * first (lowest `arrivalTime`) before comparing router ids. Default `false` (RFC 4271,
   * and a winner that does not depend on timing); FRR does this unless
   * `bgp bestpath compare-routerid` is set.
   */
  readonly preferOlderExternal?: boolean | undefined;
  /** LOCAL_PREF of a path that carries none. uint32, default 100. */
  readonly defaultLocalPref?: number | undefined;
  /** Multipath across different AS_PATHs of equal length (`bgp bestpath as-path multipath-relax`). Default `false`. */
  readonly asPathRelax?: boolean | undefined;
}

/** Options of {@link selectBest} and {@link selectBgp}. */
export interface SelectOptions {
  /** Overrides of {@link DEFAULT_DISTANCES}, e.g. `{ ospf: 90 }` or a whole `BIRD_DISTANCES`. */
  readonly distances?: Partial<DistanceTable> | undefined;
  /** Largest ECMP set returned (FRR `maximum-paths`, also for BGP multipath). Default 1: no ECMP. */
  readonly maxPaths?: number | undefined;
  readonly bgp?: BgpOptions | undefined;
}

/** Options with every default filled in and every value checked. */
export interface ResolvedOptions {
  readonly distances: DistanceTable;
  readonly maxPaths: number;
  readonly mode: BgpMode;
  readonly alwaysCompareMed: boolean;
  readonly missingMedAsWorst: boolean;
  readonly preferOlderExternal: boolean;
  readonly defaultLocalPref: number;
  readonly asPathRelax: boolean;
}

/** The options used when none are given. */
export const DEFAULT_OPTIONS: ResolvedOptions = Object.freeze({
  distances: DEFAULT_DISTANCES,
  maxPaths: 1,
  mode: BgpMode.Deterministic,
  alwaysCompareMed: false,
  missingMedAsWorst: false,
  preferOlderExternal: false,
  defaultLocalPref: 100,
  asPathRelax: false,
});

const DISTANCE_KEYS: readonly (keyof DistanceTable)[] = [
  'connected',
  'static',
  'ebgp',
  'ibgp',
  'bgpLocal',
  'ospf',
  'isis',
  'rip',
];

function bad(field: string, value: unknown): SelectionError {
  return new SelectionError({ code: 'invalid-option', field, value });
}

function flag(value: boolean | undefined, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw bad(field, value);
  return value;
}

const cache = new WeakMap<SelectOptions, ResolvedOptions>();

/**
 * Fill in defaults and check every option; throws {@link SelectionError}
 * (`invalid-option`, or `invalid-distance` for the distance table). The result for a
 * given options object is cached, so treat options objects as immutable.
 */
export function resolveOptions(options?: SelectOptions): ResolvedOptions {
  if (options === undefined) return DEFAULT_OPTIONS;
  const hit = cache.get(options);
  if (hit !== undefined) return hit;

  let distances = DEFAULT_DISTANCES;
  const d = options.distances;
  if (d !== undefined) {
    const table: Record<keyof DistanceTable, number> = { ...DEFAULT_DISTANCES };
    for (const key of DISTANCE_KEYS) {
      const v = d[key];
      if (v === undefined) continue;
      if (!isDistance(v)) {
        throw new SelectionError({ code: 'invalid-distance', field: `distances.${key}`, value: v });
      }
      table[key] = v;
    }
    distances = Object.freeze(table);
  }

  const maxPaths = options.maxPaths ?? 1;
  if (!Number.isInteger(maxPaths) || maxPaths < 1) throw bad('maxPaths', maxPaths);

  const b = options.bgp ?? {};
  const mode = b.mode ?? BgpMode.Deterministic;
  if (mode !== BgpMode.Deterministic && mode !== BgpMode.ArrivalOrder) throw bad('bgp.mode', mode);
  const defaultLocalPref = b.defaultLocalPref ?? 100;
  if (
    !Number.isInteger(defaultLocalPref) ||
    defaultLocalPref < 0 ||
    defaultLocalPref > 0xffff_ffff
  ) {
    throw bad('bgp.defaultLocalPref', defaultLocalPref);
  }

  const resolved: ResolvedOptions = Object.freeze({
    distances,
    maxPaths,
    mode,
    alwaysCompareMed: flag(b.alwaysCompareMed, 'bgp.alwaysCompareMed'),
    missingMedAsWorst: flag(b.missingMedAsWorst, 'bgp.missingMedAsWorst'),
    preferOlderExternal: flag(b.preferOlderExternal, 'bgp.preferOlderExternal'),
    defaultLocalPref,
    asPathRelax: flag(b.asPathRelax, 'bgp.asPathRelax'),
  });
  cache.set(options, resolved);
  return resolved;
}
