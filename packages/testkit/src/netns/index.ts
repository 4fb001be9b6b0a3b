export { Bird, type BirdRouteQuery, type BirdStartOptions } from './bird.js';
export {
  type BirdChannel,
  type BirdNextHop,
  type BirdOspfNeighbor,
  type BirdProtocol,
  type BirdRoute,
  type BirdRouteCounts,
  parseBirdOspfNeighbors,
  parseBirdProtocols,
  parseBirdRoutes,
} from './bird-parse.js';
export * from './config/index.js';
export { ExaBgp, type ExaBgpStartOptions } from './exabgp.js';
export {
  CommandError,
  findBinary,
  type RunOptions,
  type RunResult,
  requireBinary,
  run,
} from './exec.js';
export {
  FRR_DAEMONS,
  Frr,
  type FrrBgpNeighbor,
  type FrrBgpPath,
  type FrrBgpPeerSummary,
  type FrrBgpSummary,
  type FrrConfigs,
  type FrrDaemonName,
  type FrrNexthop,
  type FrrOspfNeighbor,
  type FrrRipPeer,
  type FrrRipStatus,
  type FrrRoute,
  type FrrStartOptions,
  frrOwner,
  parseRipStatus,
} from './frr.js';
export {
  GoBgp,
  type GoBgpStartOptions,
  type GobgpNeighbor,
  type GobgpPath,
  type GobgpRouteOptions,
  gobgpStateName,
} from './gobgp.js';
export {
  type CloseOptions,
  Lab,
  type LabLink,
  type LabOptions,
  type Leftovers,
  type LinkEnd,
  type LinkOptions,
  labFilesGone,
  labLeftovers,
  withLab,
} from './lab.js';
export {
  checkIfName,
  checkNodeName,
  type LabId,
  MAX_IFNAME,
  makeLabId,
  NODE_NAME,
  NS_PREFIX,
  namespaceName,
  type ParsedNamespace,
  parseLabId,
  parseNamespaceName,
  vethName,
} from './names.js';
export {
  type Capture,
  type KernelRoute,
  LabNode,
  type NodeOptions,
  type NodeSpawnOptions,
  type RouteQuery,
} from './node.js';
export {
  type LabMeta,
  labRoot,
  listLabNamespaces,
  parseNetnsList,
  removeStaleLabs,
  type StaleLab,
  type StaleOptions,
  staleReason,
} from './owner.js';
export { labPrerequisiteProblems, REQUIRED_FRR_DAEMONS, REQUIRED_TOOLS } from './preflight.js';
export { LabProcess, pidAlive, processStartTime } from './process.js';
export { type WaitOptions, WaitTimeoutError, waitFor, waitUntil } from './wait.js';
