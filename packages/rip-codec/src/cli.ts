import { formatAddress, formatPrefix } from '@routekit/prefix';
import { type DecodeError, toHex } from '@routekit/wire';
import type { RipAuth } from './auth.js';
import { decodeRipPacket, type RipPacket } from './packet.js';
import { decodeRipngPacket, isRipngNextHop, type RipngPacket } from './ripng.js';
import { ripEntryPrefix } from './rte.js';

/** A JSON-safe value (what {@link decodeRipForCli} returns). */
export type RipJson =
  | string
  | number
  | boolean
  | null
  | readonly RipJson[]
  | { readonly [key: string]: RipJson };

const COMMANDS: Record<number, string> = {
  1: 'request',
  2: 'response',
  3: 'traceon',
  4: 'traceoff',
  5: 'poll',
  6: 'poll-entry',
};

function authJson(a: RipAuth): RipJson {
  switch (a.kind) {
    case 'simple':
      return { kind: 'simple', password: toHex(a.password) };
    case 'crypto':
      return {
        kind: 'crypto',
        packetLength: a.packetLength,
        keyId: a.keyId,
        authDataLength: a.authDataLength,
        sequence: a.sequence,
        digest: toHex(a.digest),
      };
    case 'unknown':
      return { kind: 'unknown', type: a.type, data: toHex(a.data) };
  }
}

/** A RIP packet as JSON: addresses as text, bytes as hex, each entry's prefix added. */
export function ripPacketToJson(p: RipPacket): RipJson {
  const out: Record<string, RipJson> = {
    protocol: 'rip',
    command: COMMANDS[p.command] ?? p.command,
    version: p.version,
  };
  if (p.unused !== 0) out['unused'] = p.unused;
  if (p.auth !== undefined) out['auth'] = authJson(p.auth);
  out['entries'] = p.entries.map((e) => {
    const prefix = e.afi === 2 ? ripEntryPrefix(e, p.version) : undefined;
    const row: Record<string, RipJson> = {
      afi: e.afi,
      address: formatAddress(e.address),
      metric: e.metric,
    };
    if (prefix !== undefined) row['prefix'] = formatPrefix(prefix);
    if (p.version >= 2 || e.tag !== 0) row['tag'] = e.tag;
    if (p.version >= 2 || e.mask.value !== 0) row['mask'] = formatAddress(e.mask);
    if (p.version >= 2 || e.nextHop.value !== 0) row['nextHop'] = formatAddress(e.nextHop);
    return row;
  });
  out['issues'] = p.issues.map((i) => ({ ...i }));
  return out;
}

/** A RIPng packet as JSON. */
export function ripngPacketToJson(p: RipngPacket): RipJson {
  return {
    protocol: 'ripng',
    command: COMMANDS[p.command] ?? p.command,
    version: p.version,
    ...(p.unused !== 0 ? { unused: p.unused } : {}),
    entries: p.entries.map((e) =>
      isRipngNextHop(e)
        ? { nextHop: formatAddress(e.address) }
        : {
            prefix: `${formatAddress(e.address)}/${e.prefixLength}`,
            tag: e.tag,
            metric: e.metric,
          },
    ),
    issues: p.issues.map((i) => ({ ...i })),
  };
}

/** The shape `routekit decode` expects of a decoder. */
export type RipCliResult =
  | { readonly ok: true; readonly value: RipJson }
  | { readonly ok: false; readonly error: DecodeError };

/**
 * Decode a RIP or RIPng payload for the CLI: a JSON-safe object, or the decode error.
 * Never throws.
 */
export function decodeRipForCli(
  payload: Uint8Array,
  ctx: { readonly protocol: 'rip' | 'ripng' },
): RipCliResult {
  if (ctx.protocol === 'ripng') {
    const r = decodeRipngPacket(payload);
    return r.ok ? { ok: true, value: ripngPacketToJson(r.value) } : { ok: false, error: r.error };
  }
  const r = decodeRipPacket(payload);
  return r.ok ? { ok: true, value: ripPacketToJson(r.value) } : { ok: false, error: r.error };
}

/** `registerDecoder('rip', ripCliDecoder)` — the CLI registry's decoder shape. */
export function ripCliDecoder(payload: Uint8Array, _context?: unknown): RipCliResult {
  return decodeRipForCli(payload, { protocol: 'rip' });
}

/** `registerDecoder('ripng', ripngCliDecoder)`. */
export function ripngCliDecoder(payload: Uint8Array, _context?: unknown): RipCliResult {
  return decodeRipForCli(payload, { protocol: 'ripng' });
}
