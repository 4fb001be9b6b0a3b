export { RIB_ERROR_CODES, RibError, type RibErrorCode } from './errors.js';
export {
  type ChangeSource,
  type ForwardingChange,
  type ForwardingEntry,
  ForwardingView,
  type ResolvedNextHop,
} from './forwarding.js';
export { PrefixTrie, type PrefixTrieOptions, type TrieEntry } from './prefix-trie.js';
export {
  type NextHopDetail,
  Rib,
  type RibChange,
  type RibOptions,
  type RouteDetail,
  type Selected,
} from './rib.js';
export type { BgpAttrs, NextHop, OspfAttrs, Route, RouteInput } from './route.js';
export { type FrrNextHopJson, type FrrRouteJson, ribSnapshot } from './snapshot.js';
export { COMPILE_THRESHOLD, type CompileMode, Ipv4Trie, type TrieOptions } from './trie4.js';
export { Ipv6Trie } from './trie6.js';
