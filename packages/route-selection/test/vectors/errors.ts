// Error vectors: one invalid candidate or option per row and the SelectionError it must
// produce. `candidate` replaces the second of two otherwise valid candidates (index 1).
import { Origin, type SelectionErrorCode, type SelectOptions } from '../../src/index.js';
import { addr, rid } from './paths.js';

const validBgp = {
  protocol: 'bgp',
  route: 'x',
  peerType: 'external',
  asPathLength: 1,
  origin: Origin.Igp,
  neighborAs: 65001,
  routerId: rid('10.0.0.1'),
  peerAddress: addr('192.0.2.1'),
} as const;

export const VALID_BGP: typeof validBgp = validBgp;

export interface CandidateErrorVector {
  readonly name: string;
  readonly candidate: unknown;
  readonly code: SelectionErrorCode;
  readonly field: string;
}

export const candidateErrorVectors: readonly CandidateErrorVector[] = [
  {
    name: 'unknown protocol',
    candidate: { protocol: 'eigrp', route: 'x', metric: 1 },
    code: 'unknown-protocol',
    field: 'protocol',
  },
  { name: 'not an object', candidate: null, code: 'unknown-protocol', field: 'protocol' },
  {
    name: 'negative distance',
    candidate: { protocol: 'static', route: 'x', metric: 0, distance: -1 },
    code: 'invalid-distance',
    field: 'distance',
  },
  {
    name: 'distance above 255',
    candidate: { protocol: 'static', route: 'x', metric: 0, distance: 256 },
    code: 'invalid-distance',
    field: 'distance',
  },
  {
    name: 'fractional distance',
    candidate: { protocol: 'static', route: 'x', metric: 0, distance: 1.5 },
    code: 'invalid-distance',
    field: 'distance',
  },
  {
    name: 'NaN distance',
    candidate: { ...validBgp, distance: Number.NaN },
    code: 'invalid-distance',
    field: 'distance',
  },
  {
    name: 'NaN metric',
    candidate: { protocol: 'static', route: 'x', metric: Number.NaN },
    code: 'invalid-metric',
    field: 'metric',
  },
  {
    name: 'negative metric',
    candidate: { protocol: 'isis', route: 'x', metric: -1 },
    code: 'invalid-metric',
    field: 'metric',
  },
  {
    name: 'infinite metric',
    candidate: { protocol: 'connected', route: 'x', metric: Number.POSITIVE_INFINITY },
    code: 'invalid-metric',
    field: 'metric',
  },
  {
    name: 'metric as a string',
    candidate: { protocol: 'static', route: 'x', metric: '5' },
    code: 'invalid-metric',
    field: 'metric',
  },
  {
    name: 'RIP metric above 16',
    candidate: { protocol: 'rip', route: 'x', metric: 17 },
    code: 'invalid-metric',
    field: 'metric',
  },
  {
    name: 'fractional RIP metric',
    candidate: { protocol: 'rip', route: 'x', metric: 1.5 },
    code: 'invalid-metric',
    field: 'metric',
  },
  {
    name: 'OSPF NaN cost',
    candidate: { protocol: 'ospf', route: 'x', metric: Number.NaN },
    code: 'invalid-metric',
    field: 'metric',
  },
  {
    name: 'OSPF E2 without type 2 metric',
    candidate: { protocol: 'ospf', route: 'x', metric: 1, pathType: 'external-2' },
    code: 'missing-type2-metric',
    field: 'type2Metric',
  },
  {
    name: 'OSPF negative type 2 metric',
    candidate: { protocol: 'ospf', route: 'x', metric: 1, pathType: 'external-1', type2Metric: -3 },
    code: 'invalid-metric',
    field: 'type2Metric',
  },
  {
    name: 'OSPF unknown path type',
    candidate: { protocol: 'ospf', route: 'x', metric: 1, pathType: 'nssa' },
    code: 'invalid-attribute',
    field: 'pathType',
  },
  {
    name: 'unknown peer type',
    candidate: { ...validBgp, peerType: 'ebgp' },
    code: 'invalid-attribute',
    field: 'peerType',
  },
  {
    name: 'negative AS_PATH length',
    candidate: { ...validBgp, asPathLength: -1 },
    code: 'invalid-attribute',
    field: 'asPathLength',
  },
  {
    name: 'ORIGIN 3',
    candidate: { ...validBgp, origin: 3 },
    code: 'invalid-attribute',
    field: 'origin',
  },
  {
    name: 'neighbour AS above 2^32-1',
    candidate: { ...validBgp, neighborAs: 2 ** 32 },
    code: 'invalid-attribute',
    field: 'neighborAs',
  },
  {
    name: 'router id NaN',
    candidate: { ...validBgp, routerId: Number.NaN },
    code: 'invalid-attribute',
    field: 'routerId',
  },
  {
    name: 'negative weight',
    candidate: { ...validBgp, weight: -1 },
    code: 'invalid-attribute',
    field: 'weight',
  },
  {
    name: 'LOCAL_PREF NaN',
    candidate: { ...validBgp, localPref: Number.NaN },
    code: 'invalid-attribute',
    field: 'localPref',
  },
  {
    name: 'MED above 2^32-1',
    candidate: { ...validBgp, med: 2 ** 32 },
    code: 'invalid-attribute',
    field: 'med',
  },
  {
    name: 'fractional ORIGINATOR_ID',
    candidate: { ...validBgp, originatorId: 0.5 },
    code: 'invalid-attribute',
    field: 'originatorId',
  },
  {
    name: 'nextHopReachable not boolean',
    candidate: { ...validBgp, nextHopReachable: 1 },
    code: 'invalid-attribute',
    field: 'nextHopReachable',
  },
  {
    name: 'locallyOriginated not boolean',
    candidate: { ...validBgp, locallyOriginated: 'yes' },
    code: 'invalid-attribute',
    field: 'locallyOriginated',
  },
  {
    name: 'stale not boolean',
    candidate: { ...validBgp, stale: 0 },
    code: 'invalid-attribute',
    field: 'stale',
  },
  {
    name: 'negative CLUSTER_LIST length',
    candidate: { ...validBgp, clusterListLength: -2 },
    code: 'invalid-attribute',
    field: 'clusterListLength',
  },
  {
    name: 'NaN IGP cost',
    candidate: { ...validBgp, igpCost: Number.NaN },
    code: 'invalid-attribute',
    field: 'igpCost',
  },
  {
    name: 'infinite arrival time',
    candidate: { ...validBgp, arrivalTime: Number.POSITIVE_INFINITY },
    code: 'invalid-attribute',
    field: 'arrivalTime',
  },
  {
    name: 'peer address as text',
    candidate: { ...validBgp, peerAddress: '192.0.2.1' },
    code: 'invalid-attribute',
    field: 'peerAddress',
  },
  {
    name: 'peer address with a bad IPv4 value',
    candidate: { ...validBgp, peerAddress: { family: 4, value: -1 } },
    code: 'invalid-attribute',
    field: 'peerAddress',
  },
  {
    name: 'peer address with three IPv6 words',
    candidate: { ...validBgp, peerAddress: { family: 6, words: [1, 2, 3] } },
    code: 'invalid-attribute',
    field: 'peerAddress',
  },
];

export interface OptionErrorVector {
  readonly name: string;
  readonly options: SelectOptions;
  readonly code: SelectionErrorCode;
  readonly field: string;
}

export const optionErrorVectors: readonly OptionErrorVector[] = [
  { name: 'maxPaths 0', options: { maxPaths: 0 }, code: 'invalid-option', field: 'maxPaths' },
  {
    name: 'fractional maxPaths',
    options: { maxPaths: 1.5 },
    code: 'invalid-option',
    field: 'maxPaths',
  },
  {
    name: 'distance table entry 256',
    options: { distances: { ospf: 256 } },
    code: 'invalid-distance',
    field: 'distances.ospf',
  },
  {
    name: 'distance table entry NaN',
    options: { distances: { ebgp: Number.NaN } },
    code: 'invalid-distance',
    field: 'distances.ebgp',
  },
  {
    name: 'unknown mode',
    options: { bgp: { mode: 'fastest' as never } },
    code: 'invalid-option',
    field: 'bgp.mode',
  },
  {
    name: 'negative default LOCAL_PREF',
    options: { bgp: { defaultLocalPref: -1 } },
    code: 'invalid-option',
    field: 'bgp.defaultLocalPref',
  },
  {
    name: 'a flag that is not boolean',
    options: { bgp: { alwaysCompareMed: 'yes' as never } },
    code: 'invalid-option',
    field: 'bgp.alwaysCompareMed',
  },
];
