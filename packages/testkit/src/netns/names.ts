/**
 * Names the harness gives to namespaces and interfaces. Pure functions, unit-tested.
 *
 * A lab owns namespaces named `rkt-<lab id>-<node>`; the lab id is
 * `<owner pid in base 36>-<per-process counter in base 36>`, so any process can tell
 * whose namespace it is looking at, and whether that owner is still alive.
 * Interface names live inside the namespaces (no root-namespace names), and Linux
 * limits them to 15 bytes.
 */

/** Prefix of every namespace the harness creates. */
export const NS_PREFIX = 'rkt-';

/** Linux IFNAMSIZ - 1. */
export const MAX_IFNAME = 15;

/** Node names: a letter, then letters/digits; 7 at most so `<a>-<b>` fits 15 bytes. */
export const NODE_NAME: RegExp = /^[a-z][a-z0-9]{0,6}$/;

export interface LabId {
  readonly id: string;
  readonly pid: number;
  readonly seq: number;
}

/** The lab id for the `seq`-th lab of process `pid`. */
export function makeLabId(pid: number, seq: number): string {
  if (!Number.isSafeInteger(pid) || pid <= 0) throw new RangeError(`bad pid ${pid}`);
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`bad sequence ${seq}`);
  return `${pid.toString(36)}-${seq.toString(36)}`;
}

/** Parse a lab id made by `makeLabId`. */
export function parseLabId(id: string): LabId | undefined {
  const m = /^([0-9a-z]+)-([0-9a-z]+)$/.exec(id);
  if (!m) return undefined;
  const pid = Number.parseInt(m[1]!, 36);
  const seq = Number.parseInt(m[2]!, 36);
  if (!Number.isSafeInteger(pid) || pid <= 0 || !Number.isSafeInteger(seq)) return undefined;
  return { id, pid, seq };
}

/** Throw unless `name` is a valid node name. */
export function checkNodeName(name: string): void {
  if (!NODE_NAME.test(name)) {
    throw new Error(
      `node name ${JSON.stringify(name)} must match ${NODE_NAME} (a letter, then up to 6 letters/digits)`,
    );
  }
}

/** The namespace of node `node` in lab `labId`. */
export function namespaceName(labId: string, node: string): string {
  checkNodeName(node);
  if (!parseLabId(labId)) throw new Error(`bad lab id ${JSON.stringify(labId)}`);
  return `${NS_PREFIX}${labId}-${node}`;
}

export interface ParsedNamespace {
  readonly labId: string;
  readonly pid: number;
  readonly node: string;
}

/** Parse a harness namespace name; undefined for anything else (even other `rkt-*`). */
export function parseNamespaceName(ns: string): ParsedNamespace | undefined {
  const m = /^rkt-([0-9a-z]+-[0-9a-z]+)-([a-z][a-z0-9]{0,6})$/.exec(ns);
  if (!m) return undefined;
  const id = parseLabId(m[1]!);
  return id ? { labId: id.id, pid: id.pid, node: m[2]! } : undefined;
}

/** Throw unless `name` is usable as a Linux interface name. */
export function checkIfName(name: string): void {
  if (
    name.length === 0 ||
    Buffer.byteLength(name) > MAX_IFNAME ||
    /[\s/:]/.test(name) ||
    name === '.' ||
    name === '..'
  ) {
    throw new Error(
      `interface name ${JSON.stringify(name)} must be 1..${MAX_IFNAME} bytes without spaces, '/' or ':'`,
    );
  }
}

/**
 * The veth end in node `from` facing node `to`: `<from>-<to>`, with `index` appended for
 * a second, third… link between the same two nodes.
 */
export function vethName(from: string, to: string, index = 0): string {
  const name = index === 0 ? `${from}-${to}` : `${from}-${to}${index}`;
  checkIfName(name);
  return name;
}
