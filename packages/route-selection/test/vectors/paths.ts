// Small builders that keep the vector tables readable: addresses and router ids are
// written as text, every candidate's `route` is its name in the table.
import { type Address, addressOrThrow } from '@routekit/prefix';
import type {
  BgpCandidate,
  MetricCandidate,
  OspfCandidate,
  Reason,
  SelectOptions,
} from '../../src/index.js';

/** A peer address from text. */
export function addr(text: string): Address {
  return addressOrThrow(text);
}

/** A BGP Identifier / ORIGINATOR_ID (a uint32) from dotted-quad text. */
export function rid(text: string): number {
  return addressOrThrow(text, { family: 4 }).value;
}

/** The BGP fields a vector sets; everything else takes the candidate's documented default. */
export type BgpFields = Omit<BgpCandidate<string>, 'protocol' | 'route'>;

export function bgp(route: string, fields: BgpFields): BgpCandidate<string> {
  return { protocol: 'bgp', route, ...fields };
}

export function ospf(
  route: string,
  fields: Omit<OspfCandidate<string>, 'protocol' | 'route'>,
): OspfCandidate<string> {
  return { protocol: 'ospf', route, ...fields };
}

export function other(
  route: string,
  protocol: MetricCandidate['protocol'],
  fields: Omit<MetricCandidate<string>, 'protocol' | 'route'>,
): MetricCandidate<string> {
  return { protocol, route, ...fields };
}

/** A selection vector: candidates (named by `route`), options, and the expected answer. */
export interface SelectionVector<C> {
  readonly name: string;
  readonly candidates: readonly C[];
  readonly options?: SelectOptions;
  /** `route` of the winner, or `undefined` when nothing can be installed. */
  readonly best: string | undefined;
  /** `route`s of the ECMP set in order; default `[best]`. */
  readonly ecmp?: readonly string[];
  readonly reason?: Reason;
  /** The answer does not depend on the input order (checked over every permutation). Default true. */
  readonly orderIndependent?: boolean;
}
