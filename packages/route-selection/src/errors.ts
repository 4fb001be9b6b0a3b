/**
 * Route selection's one error. Candidates and options come from code (engines, the
 * RIB, configuration), not from the wire, so a bad value is a caller bug: selection
 * throws a {@link SelectionError} before comparing anything rather than return a
 * winner computed from nonsense.
 *
 * | code | thrown when |
 * |---|---|
 * | `unknown-protocol` | `protocol` is not one of `Protocol` (or the candidate is not an object) |
 * | `invalid-distance` | a distance (candidate or table) is not an integer in 0..255 |
 * | `invalid-metric` | a metric is NaN, infinite or negative (RIP: not an integer 0..16), or a `type2Metric` that is present but not a cost |
 * | `missing-type2-metric` | an `external-2` OSPF route has no `type2Metric` (field `type2Metric`, value `undefined`) |
 * | `invalid-attribute` | a BGP field is out of range: not a uint32 (weight, LOCAL_PREF, MED, neighbour AS, router id, ORIGINATOR_ID), not a non-negative integer (AS_PATH, CLUSTER_LIST length), ORIGIN not 0..2, unknown peer or OSPF path type, non-finite IGP cost or arrival time, or `peerAddress` not an `Address` |
 * | `invalid-option` | an option is out of range (`maxPaths` not an integer ≥ 1, `defaultLocalPref` not a uint32, unknown `mode`) |
 */

export type SelectionErrorCode =
  | 'unknown-protocol'
  | 'invalid-distance'
  | 'invalid-metric'
  | 'missing-type2-metric'
  | 'invalid-attribute'
  | 'invalid-option';

/** Every {@link SelectionErrorCode}, for exhaustive tables and tests. */
export const SELECTION_ERROR_CODES: readonly SelectionErrorCode[] = [
  'unknown-protocol',
  'invalid-distance',
  'invalid-metric',
  'missing-type2-metric',
  'invalid-attribute',
  'invalid-option',
];

/** Where and what: enough to find the offending candidate and field. */
export interface SelectionErrorDetail {
  readonly code: SelectionErrorCode;
  /** Index of the offending candidate in the input array; absent for option errors. */
  readonly index?: number;
  /** The field (or option) holding the bad value, e.g. `med`, `distances.ospf`. */
  readonly field: string;
  /** The bad value itself. */
  readonly value: unknown;
}

/** Thrown by selection for an invalid candidate or option; see the table above. */
export class SelectionError extends Error implements SelectionErrorDetail {
  override readonly name = 'SelectionError';
  readonly code: SelectionErrorCode;
  readonly index?: number;
  readonly field: string;
  readonly value: unknown;

  constructor(detail: SelectionErrorDetail) {
    const where = detail.index === undefined ? '' : `candidate ${detail.index}: `;
    super(`${where}${detail.field} = ${show(detail.value)} (${detail.code})`);
    this.code = detail.code;
    if (detail.index !== undefined) this.index = detail.index;
    this.field = detail.field;
    this.value = detail.value;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Brand set on every {@link SelectionError}: a registered symbol, the same in every copy of this module. */
const BRAND: unique symbol = Symbol.for('@routekit/route-selection:SelectionError') as never;

/**
 * True when `e` is a {@link SelectionError}, also one thrown by another copy of this
 * module (a bundled or duplicated install, `src` and `dist` side by side) where
 * `instanceof` fails: it checks the registered brand, or the name, a known `code` and a
 * string `field`.
 */
export function isSelectionError(e: unknown): e is SelectionError {
  if (e instanceof SelectionError) return true;
  if (typeof e !== 'object' || e === null) return false;
  if ((e as { [BRAND]?: unknown })[BRAND] === true) return true;
  const x = e as { name?: unknown; code?: unknown; field?: unknown };
  return (
    x.name === 'SelectionError' &&
    typeof x.field === 'string' &&
    (SELECTION_ERROR_CODES as readonly unknown[]).includes(x.code)
  );
}

function show(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value;
}

/** The error for a candidate whose `protocol` is none of {@link Protocol} (the `never` branch of a switch). */
export function unknownProtocol(candidate: never, index: number): SelectionError {
  const value: unknown = (candidate as { readonly protocol?: unknown } | null)?.protocol;
  return new SelectionError({ code: 'unknown-protocol', index, field: 'protocol', value });
}
