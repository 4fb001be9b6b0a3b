export { type Clock, systemClock, type TimerHandle, VirtualClock } from './clock.js';
export {
  type RedistributeRule,
  RipEngine,
  type RipEngineOptions,
  type RipEvent,
  type RipRouteJson,
  type RipSnapshot,
} from './engine.js';
export type {
  RipCounters,
  RipInterfaceConfig,
  SplitHorizon,
} from './interface.js';
export { RIPNG_ENTRIES_PER_PACKET } from './packets.js';
export { DEFAULT_RIP_TIMERS, FAST_RIP_TIMERS, type RipTimers, resolveTimers } from './timers.js';
export type { RipDatagram, RipDestination, RipTransport } from './transport.js';
