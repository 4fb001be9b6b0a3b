import { compareLsaInstances } from './compare.js';
import { Architectural, LsaType } from './iana.js';
import { type LsaHeader, lsaKey } from './lsa/header.js';
import { type Lsa, lsaChecksumOk } from './lsa/lsa.js';

/** Where an LSA floods (RFC 2328 §12.1, RFC 5250 §3, RFC 3101). */
export type FloodingScope = 'link' | 'area' | 'as';

/** The flooding scope of an LS type: link for 9; AS for 5 and 11; area otherwise. */
export function floodingScope(type: number): FloodingScope {
  if (type === LsaType.OpaqueLink) return 'link';
  if (type === LsaType.AsExternal || type === LsaType.OpaqueAs) return 'as';
  return 'area';
}

/** Where an LSA was received: its area and (for link-scope LSAs) its link. */
export interface LsdbPlace {
  readonly area: number;
  /** Interface / link name or address; needed for type 9. */
  readonly link?: string | number;
}

/** One database copy: the LSA as installed and when (ms, the caller's clock). */
export interface LsdbEntry {
  readonly lsa: Lsa;
  readonly installedAt: number;
}

/** What {@link Lsdb.install} did (RFC 2328 §13 steps 1, 4, 5, 7, 8). */
export type InstallResult =
  | { readonly action: 'installed'; readonly previous?: LsdbEntry }
  | { readonly action: 'duplicate' }
  | { readonly action: 'older'; readonly current: LsdbEntry }
  | { readonly action: 'too-soon'; readonly current: LsdbEntry }
  | { readonly action: 'discarded'; readonly reason: 'bad-checksum' | 'unknown-type' | 'max-age' };

const KNOWN_TYPES = new Set<number>([1, 2, 3, 4, 5, 7, 9, 10, 11]);

/**
 * A link-state database keyed by (type, link-state id, advertising router) inside its
 * flooding scope: area for types 1–4, 7 and 10; AS for 5 and 11; link for 9. Time is
 * passed in (milliseconds on any monotonic clock); there are no timers: the engine
 * calls {@link Lsdb.expire} when it wants aged-out LSAs.
 */
export class Lsdb {
  readonly #areas = new Map<number, Map<string, LsdbEntry>>();
  readonly #as = new Map<string, LsdbEntry>();
  readonly #links = new Map<string, Map<string, LsdbEntry>>();

  #table(type: number, place: LsdbPlace, create: boolean): Map<string, LsdbEntry> | undefined {
    const scope = floodingScope(type);
    if (scope === 'as') return this.#as;
    let key: number | string = place.area;
    let map: Map<number | string, Map<string, LsdbEntry>> = this.#areas as Map<
      number | string,
      Map<string, LsdbEntry>
    >;
    if (scope === 'link') {
      key = `${place.area}/${place.link ?? ''}`;
      map = this.#links as Map<number | string, Map<string, LsdbEntry>>;
    }
    let t = map.get(key);
    if (t === undefined && create) {
      t = new Map();
      map.set(key, t);
    }
    return t;
  }

  /** The LS age of an entry at `now`: received age plus whole seconds held, capped at MaxAge. */
  static currentAge(entry: LsdbEntry, now: number): number {
    const held = Math.max(0, Math.floor((now - entry.installedAt) / 1000));
    return Math.min(Architectural.MaxAge, entry.lsa.header.age + held);
  }

  /** The database copy of an LSA. */
  get(
    header: Pick<LsaHeader, 'type' | 'lsId' | 'advRouter'>,
    place: LsdbPlace,
  ): LsdbEntry | undefined {
    return this.#table(header.type, place, false)?.get(lsaKey(header));
  }

  /**
   * Install a received LSA by the §13 rules: bad checksum and unknown types are
   * discarded; a MaxAge LSA with no database copy is discarded (`neighborsExchanging`
   * false, step 4); a newer instance replaces the copy unless the copy was installed
   * less than MinLSArrival ago (step 5a); same and older instances are reported.
   */
  install(
    lsa: Lsa,
    place: LsdbPlace,
    now: number,
    options?: {
      readonly neighborsExchanging?: boolean;
      /** Skip the MinLSArrival check (replaying captures, where arrival times are not real). */
      readonly ignoreMinLsArrival?: boolean;
    },
  ): InstallResult {
    if (!lsaChecksumOk(lsa)) return { action: 'discarded', reason: 'bad-checksum' };
    if (!KNOWN_TYPES.has(lsa.header.type)) return { action: 'discarded', reason: 'unknown-type' };
    const table = this.#table(lsa.header.type, place, true)!;
    const key = lsaKey(lsa.header);
    const current = table.get(key);
    if (current === undefined) {
      if (lsa.header.age >= Architectural.MaxAge && options?.neighborsExchanging !== true)
        return { action: 'discarded', reason: 'max-age' };
      table.set(key, { lsa, installedAt: now });
      return { action: 'installed' };
    }
    const order = compareLsaInstances(lsa.header, {
      ...current.lsa.header,
      age: Lsdb.currentAge(current, now),
    });
    if (order === 'same') return { action: 'duplicate' };
    if (order === 'older') return { action: 'older', current };
    if (
      options?.ignoreMinLsArrival !== true &&
      now - current.installedAt < Architectural.MinLSArrival * 1000
    )
      return { action: 'too-soon', current };
    table.set(key, { lsa, installedAt: now });
    return { action: 'installed', previous: current };
  }

  /** Remove an LSA; returns the removed entry. */
  remove(
    header: Pick<LsaHeader, 'type' | 'lsId' | 'advRouter'>,
    place: LsdbPlace,
  ): LsdbEntry | undefined {
    const t = this.#table(header.type, place, false);
    const key = lsaKey(header);
    const e = t?.get(key);
    if (e !== undefined) t!.delete(key);
    return e;
  }

  /** Remove and return every entry whose current age reached MaxAge at `now`. */
  expire(now: number): LsdbEntry[] {
    const out: LsdbEntry[] = [];
    const sweep = (t: Map<string, LsdbEntry>): void => {
      for (const [k, e] of t) {
        if (Lsdb.currentAge(e, now) >= Architectural.MaxAge) {
          out.push(e);
          t.delete(k);
        }
      }
    };
    for (const t of this.#areas.values()) sweep(t);
    sweep(this.#as);
    for (const t of this.#links.values()) sweep(t);
    return out;
  }

  /** Area ids present. */
  areas(): number[] {
    return [...this.#areas.keys()];
  }

  /**
   * LSAs of an area's scope (types 1–4, 7, 10), with `header.age` as of `now` (`raw`
   * keeps the received bytes; `withAge` makes re-flooding bytes with the new age).
   */
  areaLsas(area: number, now: number): Lsa[] {
    return aged(this.#areas.get(area), now);
  }

  /** LSAs of AS scope (types 5, 11), with ages as of `now`. */
  asLsas(now: number): Lsa[] {
    return aged(this.#as, now);
  }

  /** LSAs of one link (type 9), with ages as of `now`. */
  linkLsas(area: number, link: string | number, now: number): Lsa[] {
    return aged(this.#links.get(`${area}/${link}`), now);
  }

  /** Number of LSAs held in every scope. */
  get size(): number {
    let n = this.#as.size;
    for (const t of this.#areas.values()) n += t.size;
    for (const t of this.#links.values()) n += t.size;
    return n;
  }
}

function aged(t: Map<string, LsdbEntry> | undefined, now: number): Lsa[] {
  if (t === undefined) return [];
  const out: Lsa[] = [];
  for (const e of t.values()) {
    const age = Lsdb.currentAge(e, now);
    out.push(age === e.lsa.header.age ? e.lsa : { ...e.lsa, header: { ...e.lsa.header, age } });
  }
  return out;
}
