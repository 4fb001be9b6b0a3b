/**
 * The engine's view of RIP and RIPng packets: decode to routes or requests, encode
 * responses and requests, for either family (RIPv1/v2 over IPv4, RIPng over IPv6).
 */
import {
  type Address,
  formatAddress,
  type Ipv4Address,
  ipv4,
  ipv6,
  type Prefix,
  prefixMask,
} from '@routekit/prefix';
import {
  decodeRipngPacket,
  decodeRipPacket,
  encodeRipngPacket,
  encodeRipPacket,
  isWholeTableRequest,
  RIP_MAX_ENTRIES,
  type RipAuthKey,
  RipCommand,
  type RipEntry,
  type RipngEntry,
  type RipPacket,
  ripngRoutes,
  ripRoutes,
  signRipPacket,
} from '@routekit/rip-codec';
import type { RipInterface } from './interface.js';

/** A route read from a response. */
export interface InRoute {
  readonly prefix: Prefix;
  readonly metric: number;
  readonly tag: number;
  readonly nextHop?: Address;
}

/** A decoded packet, as the engine needs it. */
export type InPacket =
  | {
      readonly kind: 'response';
      readonly version: number;
      readonly routes: readonly InRoute[];
      readonly badRoutes: number;
      readonly rip?: RipPacket;
    }
  | {
      readonly kind: 'request';
      readonly version: number;
      readonly wholeTable: boolean;
      readonly prefixes: readonly Prefix[];
      readonly rip?: RipPacket;
    }
  | { readonly kind: 'other'; readonly version: number; readonly rip?: RipPacket };

/** Decode a datagram for an engine of `family`; `undefined` when it does not decode. */
export function readPacket(
  family: 4 | 6,
  bytes: Uint8Array,
  iface: RipInterface,
): InPacket | undefined {
  if (family === 6) {
    const r = decodeRipngPacket(bytes);
    if (!r.ok) return undefined;
    const p = r.value;
    if (p.command === RipCommand.Response) {
      const routes = ripngRoutes(p).map((x) =>
        x.nextHop === undefined
          ? { prefix: x.prefix, metric: x.metric, tag: x.tag }
          : { prefix: x.prefix, metric: x.metric, tag: x.tag, nextHop: x.nextHop },
      );
      return { kind: 'response', version: p.version, routes, badRoutes: p.issues.length };
    }
    if (p.command === RipCommand.Request) {
      const e = p.entries[0];
      const wholeTable =
        p.entries.length === 1 &&
        e !== undefined &&
        e.prefixLength === 0 &&
        e.metric === 16 &&
        e.address.words.every((w) => w === 0);
      const prefixes = p.entries
        .filter((x) => x.prefixLength <= 128)
        .map((x) => ({ family: 6 as const, address: x.address, length: x.prefixLength }));
      return { kind: 'request', version: p.version, wholeTable, prefixes };
    }
    return { kind: 'other', version: p.version };
  }
  const r = decodeRipPacket(bytes);
  if (!r.ok) return undefined;
  const p = r.value;
  if (p.command === RipCommand.Response) {
    const subnet = iface.subnet.family === 4 ? iface.subnet : undefined;
    const routes = ripRoutes(p, subnet).map((x) =>
      x.nextHop === undefined
        ? { prefix: x.prefix, metric: x.metric, tag: x.tag }
        : { prefix: x.prefix, metric: x.metric, tag: x.tag, nextHop: x.nextHop },
    );
    return { kind: 'response', version: p.version, routes, badRoutes: p.issues.length, rip: p };
  }
  if (p.command === RipCommand.Request) {
    const prefixes = ripRoutes({ ...p, issues: [] }).map((x) => x.prefix);
    return {
      kind: 'request',
      version: p.version,
      wholeTable: isWholeTableRequest(p),
      prefixes,
      rip: p,
    };
  }
  return { kind: 'other', version: p.version, rip: p };
}

/** A route to advertise. */
export interface OutRoute {
  readonly prefix: Prefix;
  readonly metric: number;
  readonly tag: number;
}

/** RIPng entries per packet: a 1500-byte MTU (1452 bytes of UDP payload). */
export const RIPNG_ENTRIES_PER_PACKET = 72;

const ZERO4: Ipv4Address = ipv4(0);

function chunk<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

/** Options for signing RIPv2 packets. */
export interface SignWith {
  readonly key: RipAuthKey;
  readonly sequence: number;
  readonly authDataLength?: number;
}

/** Encode responses carrying `routes` (several packets when needed). */
export function writeResponses(
  family: 4 | 6,
  version: 1 | 2,
  routes: readonly OutRoute[],
  sign: SignWith | undefined,
): Uint8Array[] {
  if (family === 6) {
    return chunk(routes, RIPNG_ENTRIES_PER_PACKET).map((rs) =>
      encodeRipngPacket({
        command: RipCommand.Response,
        version: 1,
        unused: 0,
        entries: rs.map(
          (r): RipngEntry => ({
            address: r.prefix.address as RipngEntry['address'],
            tag: r.tag,
            prefixLength: r.prefix.length,
            metric: r.metric,
          }),
        ),
      }),
    );
  }
  const per = RIP_MAX_ENTRIES - (sign === undefined ? 0 : 1);
  return chunk(routes, per).map((rs) => {
    const entries = rs.map(
      (r): RipEntry => ({
        afi: 2,
        tag: version === 2 ? r.tag : 0,
        address: r.prefix.address as Ipv4Address,
        mask: version === 2 ? (prefixMask(r.prefix) as Ipv4Address) : ZERO4,
        nextHop: ZERO4,
        metric: r.metric,
      }),
    );
    const packet = { command: RipCommand.Response, version, unused: 0, entries };
    if (sign === undefined || version === 1) return encodeRipPacket(packet);
    return signRipPacket(
      packet,
      sign.key,
      sign.authDataLength === undefined
        ? { sequence: sign.sequence }
        : { sequence: sign.sequence, authDataLength: sign.authDataLength },
    );
  });
}

/** A whole-table request (RFC 2453 §3.9.1, RFC 2080 §2.4.1). */
export function writeWholeTableRequest(
  family: 4 | 6,
  version: 1 | 2,
  sign: SignWith | undefined,
): Uint8Array {
  if (family === 6) {
    return encodeRipngPacket({
      command: RipCommand.Request,
      version: 1,
      unused: 0,
      entries: [{ address: ipv6(0, 0, 0, 0), tag: 0, prefixLength: 0, metric: 16 }],
    });
  }
  const packet = {
    command: RipCommand.Request,
    version,
    unused: 0,
    entries: [{ afi: 0, tag: 0, address: ZERO4, mask: ZERO4, nextHop: ZERO4, metric: 16 }],
  };
  if (sign === undefined || version === 1) return encodeRipPacket(packet);
  return signRipPacket(packet, sign.key, { sequence: sign.sequence });
}

/** Text of an address (for keys and JSON). */
export function addressText(a: Address): string {
  return formatAddress(a);
}
