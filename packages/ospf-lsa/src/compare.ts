import { Architectural } from './iana.js';
import type { LsaHeader } from './lsa/header.js';

/** The header fields §13.1 compares (ages as they are now, see `Lsdb.currentAge`). */
export type LsaInstance = Pick<LsaHeader, 'seq' | 'checksum' | 'age'>;

/** How instance `a` relates to instance `b`. */
export type LsaOrder = 'newer' | 'older' | 'same';

/**
 * Which of two instances of one LSA is newer (RFC 2328 §13.1): the higher sequence
 * number; then the larger checksum; then an instance at MaxAge; then, when the ages
 * differ by more than MaxAgeDiff, the younger one; otherwise they are the same instance.
 *
 * This is not a total order (the age rule is not transitive and ages change with
 * time): never sort LSAs with it.
 */
export function compareLsaInstances(a: LsaInstance, b: LsaInstance): LsaOrder {
  if (a.seq !== b.seq) return a.seq > b.seq ? 'newer' : 'older';
  if (a.checksum !== b.checksum) return a.checksum > b.checksum ? 'newer' : 'older';
  const aMax = a.age >= Architectural.MaxAge;
  const bMax = b.age >= Architectural.MaxAge;
  if (aMax !== bMax) return aMax ? 'newer' : 'older';
  if (Math.abs(a.age - b.age) > Architectural.MaxAgeDiff) return a.age < b.age ? 'newer' : 'older';
  return 'same';
}

/** Whether `a` is a newer instance than `b` (§13.1). Irreflexive and asymmetric. */
export function isNewerInstance(a: LsaInstance, b: LsaInstance): boolean {
  return compareLsaInstances(a, b) === 'newer';
}

/** Whether `a` and `b` are the same instance (§13.1). Reflexive and symmetric. */
export function isSameInstance(a: LsaInstance, b: LsaInstance): boolean {
  return compareLsaInstances(a, b) === 'same';
}
