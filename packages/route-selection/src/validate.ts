/**
 * Candidate validation: every selection checks every candidate before comparing, so a
 * NaN metric or a distance of 300 is reported where it entered instead of silently
 * winning or losing. See `errors.ts` for the codes.
 */
import type { BgpCandidate, Candidate } from './candidate.js';
import { RIP_INFINITY } from './candidate.js';
import { isDistance } from './distance.js';
import { SelectionError, unknownProtocol } from './errors.js';

/** A uint32 (also rejects non-numbers: `'1' >>> 0` is `1`, not `'1'`). */
function isUint32(v: unknown): boolean {
  return (v as number) >>> 0 === v;
}

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function isCost(v: unknown): boolean {
  return typeof v === 'number' && v >= 0 && v < Number.POSITIVE_INFINITY;
}

function attribute(index: number, field: string, value: unknown): SelectionError {
  return new SelectionError({ code: 'invalid-attribute', index, field, value });
}

function metricError(index: number, field: string, value: unknown): SelectionError {
  return new SelectionError({ code: 'invalid-metric', index, field, value });
}

function isAddress(a: unknown): boolean {
  if (typeof a !== 'object' || a === null) return false;
  const x = a as { family?: unknown; value?: unknown; words?: unknown };
  if (x.family === 4) return isUint32(x.value);
  if (x.family !== 6 || !Array.isArray(x.words) || x.words.length !== 4) return false;
  const w = x.words as unknown[];
  return isUint32(w[0]) && isUint32(w[1]) && isUint32(w[2]) && isUint32(w[3]);
}

function isOptionalBoolean(v: unknown): boolean {
  return v === undefined || v === true || v === false;
}

// Plain property reads, no loops over field names: this runs for every candidate of
// every selection, so it has to stay cheap.
function validateBgp(c: BgpCandidate, index: number): void {
  const t = c.peerType;
  if (t !== 'external' && t !== 'internal' && t !== 'confed-external') {
    throw attribute(index, 'peerType', t);
  }
  if (!isCount(c.asPathLength)) throw attribute(index, 'asPathLength', c.asPathLength);
  if (c.origin !== 0 && c.origin !== 1 && c.origin !== 2)
    throw attribute(index, 'origin', c.origin);
  if (!isUint32(c.neighborAs)) throw attribute(index, 'neighborAs', c.neighborAs);
  if (!isUint32(c.routerId)) throw attribute(index, 'routerId', c.routerId);
  if (c.weight !== undefined && !isUint32(c.weight)) throw attribute(index, 'weight', c.weight);
  if (c.localPref !== undefined && !isUint32(c.localPref)) {
    throw attribute(index, 'localPref', c.localPref);
  }
  if (c.med !== undefined && !isUint32(c.med)) throw attribute(index, 'med', c.med);
  if (c.originatorId !== undefined && !isUint32(c.originatorId)) {
    throw attribute(index, 'originatorId', c.originatorId);
  }
  if (!isOptionalBoolean(c.nextHopReachable)) {
    throw attribute(index, 'nextHopReachable', c.nextHopReachable);
  }
  if (!isOptionalBoolean(c.locallyOriginated)) {
    throw attribute(index, 'locallyOriginated', c.locallyOriginated);
  }
  if (!isOptionalBoolean(c.stale)) throw attribute(index, 'stale', c.stale);
  if (c.clusterListLength !== undefined && !isCount(c.clusterListLength)) {
    throw attribute(index, 'clusterListLength', c.clusterListLength);
  }
  if (c.igpCost !== undefined && !isCost(c.igpCost)) throw attribute(index, 'igpCost', c.igpCost);
  const at = c.arrivalTime;
  if (at !== undefined && !(typeof at === 'number' && Number.isFinite(at))) {
    throw attribute(index, 'arrivalTime', at);
  }
  if (c.peerAddress !== undefined && !isAddress(c.peerAddress)) {
    throw attribute(index, 'peerAddress', c.peerAddress);
  }
}

/**
 * Check one candidate; throws {@link SelectionError} naming `index` and the field.
 * Called by every selection function on every candidate.
 */
export function validateCandidate(c: Candidate, index: number): void {
  if (typeof c !== 'object' || c === null) throw unknownProtocol(c as never, index);
  if (c.distance !== undefined && !isDistance(c.distance)) {
    throw new SelectionError({
      code: 'invalid-distance',
      index,
      field: 'distance',
      value: c.distance,
    });
  }
  switch (c.protocol) {
    case 'bgp':
      validateBgp(c, index);
      return;
    case 'ospf': {
      const t = c.pathType;
      if (
        t !== undefined &&
        t !== 'intra-area' &&
        t !== 'inter-area' &&
        t !== 'external-1' &&
        t !== 'external-2'
      ) {
        throw attribute(index, 'pathType', t);
      }
      if (!isCost(c.metric)) throw metricError(index, 'metric', c.metric);
      if (c.type2Metric === undefined) {
        if (t === 'external-2') {
          throw new SelectionError({
            code: 'missing-type2-metric',
            index,
            field: 'type2Metric',
            value: undefined,
          });
        }
      } else if (!isCost(c.type2Metric)) {
        throw metricError(index, 'type2Metric', c.type2Metric);
      }
      return;
    }
    case 'rip':
      if (!(Number.isInteger(c.metric) && c.metric >= 0 && c.metric <= RIP_INFINITY)) {
        throw metricError(index, 'metric', c.metric);
      }
      return;
    case 'connected':
    case 'static':
    case 'isis':
      if (!isCost(c.metric)) throw metricError(index, 'metric', c.metric);
      return;
    default:
      throw unknownProtocol(c, index);
  }
}
