/**
 * Every way a caller can misuse a trie or the RIB. Each code names one mistake the
 * caller can fix; see the README's errors table. Errors are thrown before anything is
 * changed, so a rejected call leaves the structure exactly as it was.
 *
 * - `wrong-family`: an IPv6 prefix or address given to an IPv4-only structure, or the
 *   reverse.
 * - `invalid-prefix`: a prefix text that does not parse (the `@routekit/prefix` error is
 *   the `cause`), or a prefix object that is not canonical.
 * - `invalid-address`: an address text that does not parse, or a number that is not a
 *   uint32 where one is required.
 * - `no-next-hops`: a route with an empty `nextHops` list.
 * - `invalid-next-hop`: a next hop with neither `address` nor `interface`, or an address
 *   of the other family than the route's prefix.
 * - `distance-out-of-range`: a route distance that is not an integer in 0..255.
 * - `metric-out-of-range`: a route metric that is not an integer in 0..2^32-1.
 * - `invalid-source`: a route source whose protocol (the text before the first `:`) is
 *   not one route selection knows (`connected`, `static`, `bgp`, `ospf`, `isis`, `rip`).
 * - `invalid-attrs`: a BGP route whose `attrs` lack the fields the decision process
 *   needs (see `bgpAttrs`), as reported by `@routekit/route-selection` (the `cause`).
 * - `reentrant-update`: the RIB was changed from inside one of its own change listeners.
 * - `capacity-exceeded`: an `Ipv4Trie` would need more than 2^24 - 2 nodes (its compiled
 *   table keeps handles in 24 bits), about ten million prefixes.
 */
export type RibErrorCode =
  | 'wrong-family'
  | 'invalid-prefix'
  | 'invalid-address'
  | 'no-next-hops'
  | 'invalid-next-hop'
  | 'distance-out-of-range'
  | 'metric-out-of-range'
  | 'invalid-source'
  | 'invalid-attrs'
  | 'reentrant-update'
  | 'capacity-exceeded';

/** All error codes, in the order of the README table. */
export const RIB_ERROR_CODES: readonly RibErrorCode[] = [
  'wrong-family',
  'invalid-prefix',
  'invalid-address',
  'no-next-hops',
  'invalid-next-hop',
  'distance-out-of-range',
  'metric-out-of-range',
  'invalid-source',
  'invalid-attrs',
  'reentrant-update',
  'capacity-exceeded',
];

/** The one error type this package throws for bad input. Match on `code`. */
export class RibError extends Error {
  override readonly name: 'RibError' = 'RibError';
  readonly code: RibErrorCode;

  constructor(code: RibErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.code = code;
  }
}
