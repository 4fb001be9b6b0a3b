import { findVectors, loadVector } from '@routekit/testkit';
import { fromHex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import {
  type BgpContext,
  DEFAULT_CONTEXT,
  decodeMessage,
  toExabgpUpdateJson,
} from '../src/index.js';
import { decodeBest, exabgpRaw } from './helpers.js';

/** One UPDATE of an ExaBGP vector: its bytes and ExaBGP's `neighbor.message.update`. */
interface Case {
  readonly file: string;
  readonly index: number;
  readonly raw: Uint8Array;
  readonly expected: Record<string, unknown>;
}

const UNICAST = new Set(['ipv4 unicast', 'ipv6 unicast']);
/** Families decoded into routes besides unicast (RFC 8277, RFC 4364/4659). */
const MPLS = new Set(['ipv4 nlri-mpls', 'ipv6 nlri-mpls', 'ipv4 mpls-vpn', 'ipv6 mpls-vpn']);

/**
 * Vectors whose JSON cannot match, and why (the file and the reason are named).
 */
const KNOWN: Readonly<Record<string, string>> = {};

function updateOf(json: string): Record<string, unknown> | undefined {
  const j = JSON.parse(json) as { neighbor?: { message?: { update?: Record<string, unknown> } } };
  return j.neighbor?.message?.update;
}

/** Every UPDATE with JSON in `exabgp-qa-encoding/*.ci` and `exabgp-qa-decoding/*`. */
function cases(): Case[] {
  const out: Case[] = [];
  for (const file of findVectors(/^bgp\/exabgp-qa-encoding\/.*\.ci$/)) {
    let raw: Uint8Array | undefined;
    let index = 0;
    for (const line of new TextDecoder().decode(loadVector(file)).split('\n')) {
      const r = /^\d+:raw:([0-9A-F:]+)\s*$/i.exec(line.trim());
      if (r !== null) {
        raw = exabgpRaw(r[1]!);
        continue;
      }
      const j = /^\d+:json:(.*)$/.exec(line.trim());
      if (j === null || raw === undefined) continue;
      const expected = updateOf(j[1]!);
      if (expected !== undefined) out.push({ file, index: index++, raw, expected });
      raw = undefined;
    }
  }
  for (const file of findVectors(/^bgp\/exabgp-qa-decoding\//)) {
    const lines = new TextDecoder().decode(loadVector(file)).split('\n');
    if (!(lines[0] ?? '').startsWith('update')) continue;
    const hexText = (lines[1] ?? '').replace(/[\s:]/g, '');
    if (!/^f{32}/i.test(hexText)) continue;
    const expected = updateOf(lines[2] ?? '{}');
    if (expected !== undefined) out.push({ file, index: 0, raw: fromHex(hexText), expected });
  }
  return out;
}

const BOTH = { receive: true, send: true };
/** ExaBGP's qa configurations enable ADD-PATH on every family of some sessions. */
const ADD_PATH_ALL: BgpContext = {
  ...DEFAULT_CONTEXT,
  addPath: Object.fromEntries(
    ['1/1', '2/1', '1/2', '2/2', '1/4', '2/4', '1/128', '2/128'].map((k) => [k, BOTH]),
  ),
};

/** The helpers' context guesses, then ADD-PATH on the labelled / VPN families too. */
function decodeExa(raw: Uint8Array) {
  const best = decodeBest(raw, undefined);
  if (best.d.ok && best.d.value.kind === 'update' && best.d.value.issues.length === 0) return best;
  const d = decodeMessage(raw, ADD_PATH_ALL);
  if (d.ok && d.value.kind === 'update' && d.value.issues.length === 0) {
    return { d, context: ADD_PATH_ALL };
  }
  return best;
}

function families(u: Record<string, unknown>): string[] {
  return [
    ...Object.keys((u.announce as object | undefined) ?? {}),
    ...Object.keys((u.withdraw as object | undefined) ?? {}),
  ];
}

describe('toExabgpUpdateJson deep-equals ExaBGP JSON', () => {
  const all = cases();
  const unicast = all.filter((c) => families(c.expected).every((f) => UNICAST.has(f)));
  const mpls = all.filter(
    (c) =>
      families(c.expected).some((f) => MPLS.has(f)) &&
      families(c.expected).every((f) => UNICAST.has(f) || MPLS.has(f)),
  );
  const tally = { unicast: 0, unicastMatched: 0, mpls: 0, mplsMatched: 0 };

  for (const [label, list, key] of [
    ['unicast', unicast, 'unicast'],
    ['labelled / VPN', mpls, 'mpls'],
  ] as const) {
    for (const c of list) {
      const name = `${label}: ${c.file} #${c.index}`;
      it(name, () => {
        const { d, context } = decodeExa(c.raw);
        expect(d.ok).toBe(true);
        if (!d.ok || d.value.kind !== 'update') return;
        tally[key]++;
        const known = KNOWN[`${c.file} #${c.index}`];
        const ours = JSON.parse(JSON.stringify(toExabgpUpdateJson(d.value, context)));
        if (known !== undefined) {
          expect(ours, known).not.toEqual(c.expected);
          return;
        }
        expect(ours).toEqual(c.expected);
        tally[key === 'unicast' ? 'unicastMatched' : 'mplsMatched']++;
      });
    }
  }

  // Other families (flowspec, EVPN, VPLS, MUP, BGP-LS, SR policy) keep their NLRI raw, so
  // `announce` / `withdraw` cannot match: the reason is the family. Their attributes are
  // still compared.
  const others = all.filter((c) => !unicast.includes(c) && !mpls.includes(c));
  const attrs = { compared: 0, matched: 0, mismatched: [] as string[] };
  it('other families: attributes agree, NLRI named as not decoded', () => {
    for (const c of others) {
      const { d, context } = decodeExa(c.raw);
      if (!d.ok || d.value.kind !== 'update') continue;
      attrs.compared++;
      const ours = JSON.parse(JSON.stringify(toExabgpUpdateJson(d.value, context)));
      const reason = `NLRI of ${families(c.expected).join(', ')} kept raw`;
      expect(Object.keys(ours.announce ?? {}), reason).toEqual([]);
      if (JSON.stringify(ours.attribute ?? {}) === JSON.stringify(c.expected.attribute ?? {}))
        attrs.matched++;
      else {
        try {
          expect(ours.attribute ?? {}).toEqual(c.expected.attribute ?? {});
          attrs.matched++;
        } catch {
          // Attributes not decoded here (BGP-LS 29, tunnel encapsulation 23, SRv6
          // Prefix-SID services) print as ExaBGP's generic `attribute-0xTT-0xFF` hex
          // instead of ExaBGP's decode.
          const a = (ours.attribute ?? {}) as Record<string, unknown>;
          const b = (c.expected.attribute ?? {}) as Record<string, unknown>;
          const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
            (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
          );
          attrs.mismatched.push(`${c.file} #${c.index}: ${keys.join(', ')} (${reason})`);
        }
      }
    }
    console.log(`exabgp json, other families: ${JSON.stringify(attrs, null, 1)}`);
    expect(attrs.compared).toBe(others.length);
  });

  it('counts', () => {
    console.log(`exabgp json: ${JSON.stringify({ updates: all.length, ...tally })}`);
    expect(unicast.length).toBeGreaterThan(30);
  });
});
