/**
 * Administrative distance: how much a router trusts each source of routes. Lower wins;
 * 255 means "never install". The defaults are Cisco's and FRR's (zebra).
 *
 * BIRD speaks of *preference* instead: higher wins, 0..65535, defaults direct 240,
 * static 200, OSPF 150, RIP 120, BGP 100 (`DEF_PREF_*` in BIRD's `nest/route.h`). Only
 * the order matters for selection, so {@link distanceFromBirdPreference} maps a
 * preference to the distance `254 − min(preference, 254)`: order-preserving for
 * preferences 0..254, never 255 (BIRD has no "never install" preference), and every
 * preference of 254 or more becomes distance 0. {@link BIRD_DISTANCES} is BIRD's
 * default preferences mapped that way.
 */
import type { Candidate } from './candidate.js';

/** Distance of each source of routes. BGP has three: eBGP, iBGP (and confederation) and locally originated. */
export interface DistanceTable {
  readonly connected: number;
  readonly static: number;
  readonly ebgp: number;
  readonly ibgp: number;
  readonly bgpLocal: number;
  readonly ospf: number;
  readonly isis: number;
  readonly rip: number;
}

/** A route with this distance is never installed. */
export const NEVER_INSTALLED = 255;

/**
 * Cisco / FRR defaults: connected 0, static 1, eBGP 20, OSPF 110, IS-IS 115, RIP 120,
 * iBGP 200, locally originated BGP 200 (FRR's `distance bgp 20 200 200`).
 */
export const DEFAULT_DISTANCES: DistanceTable = Object.freeze({
  connected: 0,
  static: 1,
  ebgp: 20,
  ospf: 110,
  isis: 115,
  rip: 120,
  ibgp: 200,
  bgpLocal: 200,
});

/** BIRD 2's default preferences (`DEF_PREF_*`); BIRD has one for all BGP routes and no IS-IS. */
export const BIRD_DEFAULT_PREFERENCES: {
  readonly direct: 240;
  readonly static: 200;
  readonly ospf: 150;
  readonly rip: 120;
  readonly bgp: 100;
} = Object.freeze({ direct: 240, static: 200, ospf: 150, rip: 120, bgp: 100 } as const);

/**
 * The distance that orders like BIRD preference `preference` (higher preference →
 * lower distance): `254 − min(preference, 254)`. Throws `RangeError` unless
 * `preference` is an integer in 0..65535.
 */
export function distanceFromBirdPreference(preference: number): number {
  if (!Number.isInteger(preference) || preference < 0 || preference > 0xffff) {
    throw new RangeError(`a BIRD preference is an integer in 0..65535, got ${preference}`);
  }
  return 254 - Math.min(preference, 254);
}

/**
 * BIRD's default preferences as a distance table: connected 14, static 54, OSPF 104,
 * RIP 134, BGP (all three) 154. IS-IS, which BIRD lacks, gets OSPF's value.
 */
export const BIRD_DISTANCES: DistanceTable = Object.freeze({
  connected: distanceFromBirdPreference(BIRD_DEFAULT_PREFERENCES.direct),
  static: distanceFromBirdPreference(BIRD_DEFAULT_PREFERENCES.static),
  ebgp: distanceFromBirdPreference(BIRD_DEFAULT_PREFERENCES.bgp),
  ibgp: distanceFromBirdPreference(BIRD_DEFAULT_PREFERENCES.bgp),
  bgpLocal: distanceFromBirdPreference(BIRD_DEFAULT_PREFERENCES.bgp),
  ospf: distanceFromBirdPreference(BIRD_DEFAULT_PREFERENCES.ospf),
  isis: distanceFromBirdPreference(BIRD_DEFAULT_PREFERENCES.ospf),
  rip: distanceFromBirdPreference(BIRD_DEFAULT_PREFERENCES.rip),
});

/** True for an integer in 0..255. */
export function isDistance(d: unknown): d is number {
  // `& 255` keeps exactly the integers 0..255 unchanged (and turns strings, NaN,
  // fractions and everything out of range into something else).
  return ((d as number) & NEVER_INSTALLED) === d;
}

/**
 * The distance a candidate is compared with: its own `distance` when set, otherwise the
 * table's entry for its protocol (BGP: `bgpLocal` if locally originated, `ebgp` for
 * external peers, `ibgp` for internal and confederation peers). Does not validate.
 */
export function distanceOf(candidate: Candidate, table: DistanceTable = DEFAULT_DISTANCES): number {
  const own = candidate.distance;
  if (own !== undefined) return own;
  switch (candidate.protocol) {
    case 'bgp':
      if (candidate.locallyOriginated === true) return table.bgpLocal;
      return candidate.peerType === 'external' ? table.ebgp : table.ibgp;
    case 'connected':
      return table.connected;
    case 'static':
      return table.static;
    case 'ospf':
      return table.ospf;
    case 'isis':
      return table.isis;
    case 'rip':
      return table.rip;
    default:
      return NEVER_INSTALLED;
  }
}
