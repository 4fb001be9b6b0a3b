import { formatPrefix } from '@routekit/prefix';
import { findVectors, loadVector } from '@routekit/testkit';
import { describe, expect, it } from 'vitest';
import {
  type BgpMessage,
  extendedCommunityInfo,
  formatCommunity,
  type Nlri,
} from '../src/index.js';
import { decodeBest, exabgpRaw } from './helpers.js';

/** ExaBGP's JSON of an UPDATE (the parts compared here). */
interface ExaUpdate {
  readonly neighbor: {
    readonly message?: {
      readonly update?: {
        readonly attribute?: {
          readonly origin?: string;
          readonly 'local-preference'?: number;
          readonly med?: number;
          readonly community?: readonly (readonly [number, number])[];
          readonly 'extended-community'?: readonly { readonly value: number }[];
        };
        readonly announce?: Readonly<
          Record<string, Readonly<Record<string, readonly { readonly nlri: string }[]>>>
        >;
      };
    };
  };
}

const ORIGIN = ['igp', 'egp', 'incomplete'];

/** Announced IPv4/IPv6 unicast prefixes of our decode, by ExaBGP family name. */
function announced(m: BgpMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (family: string, routes: readonly Nlri[]): void => {
    out[family] = [...(out[family] ?? []), ...routes.map((r) => formatPrefix(r.prefix))];
  };
  if (m.kind !== 'update') return out;
  if (m.nlri.length > 0) add('ipv4 unicast', m.nlri);
  for (const a of m.attributes) {
    if (
      a.kind === 'mp-reach' &&
      a.safi === 1 &&
      a.nlri.kind === 'prefixes' &&
      a.nlri.routes.length > 0
    ) {
      add(a.afi === 1 ? 'ipv4 unicast' : 'ipv6 unicast', a.nlri.routes);
    }
  }
  return out;
}

describe('ExaBGP qa/encoding: our decode agrees with ExaBGP JSON', () => {
  let compared = 0;
  for (const file of findVectors(/^bgp\/exabgp-qa-encoding\/.*\.ci$/)) {
    it(file, () => {
      const lines = new TextDecoder().decode(loadVector(file)).split('\n');
      let raw: Uint8Array | undefined;
      for (const line of lines) {
        const r = /^\d+:raw:([0-9A-F:]+)\s*$/i.exec(line.trim());
        if (r !== null) {
          raw = exabgpRaw(r[1]!);
          continue;
        }
        const j = /^\d+:json:(.*)$/.exec(line.trim());
        if (j === null || raw === undefined) continue;
        const exa = JSON.parse(j[1]!) as ExaUpdate;
        const update = exa.neighbor.message?.update;
        const { d } = decodeBest(raw, undefined);
        raw = undefined;
        if (update === undefined || !d.ok || d.value.kind !== 'update') continue;
        const m = d.value;
        const attr = update.attribute ?? {};
        for (const a of m.attributes) {
          if (a.kind === 'origin') expect(ORIGIN[a.origin]).toBe(attr.origin);
          if (a.kind === 'local-pref') expect(a.value).toBe(attr['local-preference']);
          if (a.kind === 'med') expect(a.value).toBe(attr.med);
          if (a.kind === 'communities') {
            expect(a.communities.map((c) => [c >>> 16, c & 0xffff])).toEqual(attr.community);
            expect(a.communities.map(formatCommunity).length).toBe(attr.community?.length);
          }
          if (a.kind === 'extended-communities') {
            const values = a.communities.map((c) => {
              let v = 0n;
              for (const b of c) v = (v << 8n) | BigInt(b);
              return Number(v);
            });
            expect(values).toEqual(attr['extended-community']?.map((e) => e.value));
            for (const c of a.communities) expect(extendedCommunityInfo(c).type).toBe(c[0]);
          }
        }
        const ours = announced(m);
        for (const family of ['ipv4 unicast', 'ipv6 unicast']) {
          const theirs = Object.values(update.announce?.[family] ?? {}).flatMap((routes) =>
            routes.map((x) => x.nlri),
          );
          expect(ours[family] ?? [], `${file} ${family}`).toEqual(theirs);
        }
        compared++;
      }
    });
  }
  it('compared UPDATEs', () => {
    console.log(`exabgp json updates compared: ${compared}`);
    expect(compared).toBeGreaterThan(20);
  });
});
