export {
  type BirdBgpConfig,
  type BirdChannelConfig,
  type BirdConfig,
  type BirdFilter,
  type BirdOspfConfig,
  type BirdOspfInterfaceConfig,
  type BirdRipConfig,
  birdBgp,
  birdConfig,
  birdOspf,
  birdPrefixFilter,
  birdRip,
} from './bird.js';
export {
  EXABGP_API_PROCESS,
  type ExabgpConfig,
  type ExabgpNeighborConfig,
  type ExabgpProcess,
  type ExabgpRoute,
  exabgpConfig,
} from './exabgp.js';
export {
  type FrrBgpConfig,
  type FrrBgpNeighborConfig,
  type FrrOspfConfig,
  type FrrOspfInterfaceConfig,
  type FrrRipConfig,
  type FrrStaticRoute,
  frrBgpConfig,
  frrOspfConfig,
  frrRipConfig,
  frrStaticConfig,
} from './frr.js';
export { type GobgpConfig, type GobgpNeighborConfig, gobgpConfig } from './gobgp.js';
export {
  type BgpTimers,
  FAST_BGP_TIMERS,
  FAST_OSPF_TIMERS,
  FAST_RIP_TIMERS,
  familyOf,
  type OspfTimers,
  type RipTimers,
} from './timers.js';
