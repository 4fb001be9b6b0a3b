export {
  AsPathSegmentType,
  type AsPathSegmentView,
  asPathLength,
  neighborAs,
} from './as-path.js';
export {
  compareBgpPair,
  type PairComparison,
  selectBgp,
} from './bgp-decision.js';
export {
  type BgpCandidate,
  type Candidate,
  type MetricCandidate,
  Origin,
  type OspfCandidate,
  OspfPathType,
  PeerType,
  PROTOCOLS,
  Protocol,
  RIP_INFINITY,
  type Selection,
} from './candidate.js';
export {
  BIRD_DEFAULT_PREFERENCES,
  BIRD_DISTANCES,
  DEFAULT_DISTANCES,
  type DistanceTable,
  distanceFromBirdPreference,
  distanceOf,
  isDistance,
  NEVER_INSTALLED,
} from './distance.js';
export {
  isSelectionError,
  SELECTION_ERROR_CODES,
  SelectionError,
  type SelectionErrorCode,
  type SelectionErrorDetail,
} from './errors.js';
export {
  BgpMode,
  type BgpOptions,
  DEFAULT_OPTIONS,
  type ResolvedOptions,
  resolveOptions,
  type SelectOptions,
} from './options.js';
export { BGP_STEPS, FRR_REASONS_NOT_PRODUCED, Reason, RIB_STEPS } from './reasons.js';
export { selectBest } from './select.js';
export { validateCandidate } from './validate.js';
