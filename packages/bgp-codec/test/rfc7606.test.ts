import { readFileSync } from 'node:fs';
import { hex, toHex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import {
  BGP_ACTIONS,
  BGP_ERROR_CODES,
  type BgpContext,
  DEFAULT_CONTEXT,
  decodeMessage,
  ERROR_MEANING,
  ERROR_NOTIFICATION,
  encodeMessage,
  UPDATE_ISSUES,
  updateAction,
} from '../src/index.js';
import { bgpCaptureFiles, bgpMessages, decodeBest } from './helpers.js';

/** An UPDATE of these attributes (each a whole attribute, header included) and NLRI. */
function update(attrs: readonly Uint8Array[], nlri: Uint8Array = new Uint8Array(0)): Uint8Array {
  const aLen = attrs.reduce((n, a) => n + a.length, 0);
  const len = 23 + aLen + nlri.length;
  const m = new Uint8Array(len).fill(0xff, 0, 16);
  m.set([len >> 8, len & 0xff, 2, 0, 0, aLen >> 8, aLen & 0xff], 16);
  let at = 23;
  for (const a of attrs) {
    m.set(a, at);
    at += a.length;
  }
  m.set(nlri, at);
  return m;
}

/** Offset of attribute `i`'s value (3-byte headers) in {@link update}'s message. */
function valueAt(attrs: readonly Uint8Array[], i: number): number {
  return 23 + attrs.slice(0, i).reduce((n, a) => n + a.length, 0) + 3;
}

const ORIGIN = hex`40 01 01 00`;
const AS_PATH = hex`40 02 04 02 01 fde8`; // AS_SEQUENCE 65000
const NEXT_HOP = hex`40 03 04 c0000201`;
const NLRI = hex`18 c63364`; // 198.51.100.0/24
const MP_REACH_V6 = hex`80 0e 1a 0002 01 10 20010db8000000000000000000000001 00 20 20010db8`;
const EBGP: BgpContext = { ...DEFAULT_CONTEXT, ebgp: true };

interface Row {
  readonly name: string;
  readonly attrs: readonly Uint8Array[];
  readonly nlri?: Uint8Array;
  readonly context?: BgpContext;
  /** Expected issues: code, offset (`[attribute index, delta]` from its value, or a number), action. */
  readonly issues: readonly {
    readonly code: string;
    readonly at: readonly [number, number] | number;
    readonly typeCode: number;
    readonly action: string;
  }[];
}

const ROWS: readonly Row[] = [
  {
    name: '§3.d missing ORIGIN with NLRI → treat-as-withdraw',
    attrs: [AS_PATH, NEXT_HOP],
    nlri: NLRI,
    issues: [{ code: 'missing-well-known', at: 21, typeCode: 1, action: 'treat-as-withdraw' }],
  },
  {
    name: '§3.d missing NEXT_HOP with IPv4 NLRI → treat-as-withdraw',
    attrs: [ORIGIN, AS_PATH],
    nlri: NLRI,
    issues: [{ code: 'missing-well-known', at: 21, typeCode: 3, action: 'treat-as-withdraw' }],
  },
  {
    name: '§3.d MP_REACH without ORIGIN and AS_PATH → treat-as-withdraw (NEXT_HOP not needed)',
    attrs: [MP_REACH_V6],
    issues: [
      { code: 'missing-well-known', at: 21, typeCode: 1, action: 'treat-as-withdraw' },
      { code: 'missing-well-known', at: 21, typeCode: 2, action: 'treat-as-withdraw' },
    ],
  },
  {
    name: '§3.g repeated ORIGIN → attribute-discard (first kept)',
    attrs: [ORIGIN, AS_PATH, NEXT_HOP, hex`40 01 01 01`],
    nlri: NLRI,
    issues: [
      { code: 'duplicate-attribute', at: [3, -3], typeCode: 1, action: 'attribute-discard' },
    ],
  },
  {
    name: '§3.g repeated MP_REACH → session-reset',
    attrs: [MP_REACH_V6, ORIGIN, AS_PATH, MP_REACH_V6],
    issues: [{ code: 'duplicate-attribute', at: [3, -3], typeCode: 14, action: 'session-reset' }],
  },
  {
    name: '§7.3 NEXT_HOP 0.0.0.0 with IPv4 NLRI → treat-as-withdraw',
    attrs: [ORIGIN, AS_PATH, hex`40 03 04 00000000`],
    nlri: NLRI,
    issues: [{ code: 'invalid-next-hop', at: [2, 0], typeCode: 3, action: 'treat-as-withdraw' }],
  },
  {
    name: '§7.3 NEXT_HOP multicast 224.0.0.1 → treat-as-withdraw',
    attrs: [ORIGIN, AS_PATH, hex`40 03 04 e0000001`],
    nlri: NLRI,
    issues: [{ code: 'invalid-next-hop', at: [2, 0], typeCode: 3, action: 'treat-as-withdraw' }],
  },
  {
    name: '§7.3 NEXT_HOP 255.255.255.255 → treat-as-withdraw',
    attrs: [ORIGIN, AS_PATH, hex`40 03 04 ffffffff`],
    nlri: NLRI,
    issues: [{ code: 'invalid-next-hop', at: [2, 0], typeCode: 3, action: 'treat-as-withdraw' }],
  },
  {
    name: 'RFC 4760 §3: NEXT_HOP 0.0.0.0 without IPv4 NLRI is ignored (no issue)',
    attrs: [MP_REACH_V6, ORIGIN, AS_PATH, hex`40 03 04 00000000`],
    issues: [],
  },
  {
    name: '§7.3 NEXT_HOP of 5 bytes → treat-as-withdraw',
    attrs: [ORIGIN, AS_PATH, hex`40 03 05 c000020100`],
    nlri: NLRI,
    issues: [{ code: 'length-out-of-range', at: [2, 0], typeCode: 3, action: 'treat-as-withdraw' }],
  },
  {
    name: '§7.11 MP_REACH IPv4 unicast next hop of 5 bytes → afi-safi-disable',
    attrs: [hex`80 0e 0e 0001 01 05 c000020100 00 18 c63364`, ORIGIN, AS_PATH],
    issues: [{ code: 'bad-next-hop-length', at: [0, 3], typeCode: 14, action: 'afi-safi-disable' }],
  },
  {
    name: '§7.11 MP_UNREACH shorter than AFI/SAFI → session-reset',
    attrs: [hex`80 0f 02 0001`],
    issues: [{ code: 'truncated', at: [0, 2], typeCode: 15, action: 'session-reset' }],
  },
  {
    name: '§7.2 AS_PATH segment type 5 → treat-as-withdraw',
    attrs: [ORIGIN, hex`40 02 04 05 01 fde8`, NEXT_HOP],
    nlri: NLRI,
    issues: [{ code: 'bad-value', at: [1, 0], typeCode: 2, action: 'treat-as-withdraw' }],
  },
  {
    name: '§7.2 AS_PATH zero-length segment → treat-as-withdraw',
    attrs: [ORIGIN, hex`40 02 02 02 00`, NEXT_HOP],
    nlri: NLRI,
    issues: [{ code: 'bad-value', at: [1, 1], typeCode: 2, action: 'treat-as-withdraw' }],
  },
  {
    name: '§7.2 AS_PATH segment overrunning the attribute → treat-as-withdraw',
    attrs: [ORIGIN, hex`40 02 04 02 02 fde8`, NEXT_HOP],
    nlri: NLRI,
    issues: [{ code: 'truncated', at: [1, 2], typeCode: 2, action: 'treat-as-withdraw' }],
  },
  {
    name: '§7.2 / RFC 5065: AS_CONFED_SEQUENCE from an eBGP peer → treat-as-withdraw',
    attrs: [ORIGIN, hex`40 02 08 03 01 fde9 02 01 fde8`, NEXT_HOP],
    nlri: NLRI,
    context: EBGP,
    issues: [{ code: 'confed-segment', at: [1, 0], typeCode: 2, action: 'treat-as-withdraw' }],
  },
  {
    name: 'AS_CONFED_SEQUENCE from an iBGP / confederation peer: no issue',
    attrs: [ORIGIN, hex`40 02 08 03 01 fde9 02 01 fde8`, NEXT_HOP],
    nlri: NLRI,
    issues: [],
  },
  {
    name: 'RFC 7607: AS 0 in AS_PATH → treat-as-withdraw',
    attrs: [ORIGIN, hex`40 02 06 02 02 fde8 0000`, NEXT_HOP],
    nlri: NLRI,
    issues: [{ code: 'as-zero', at: [1, 0], typeCode: 2, action: 'treat-as-withdraw' }],
  },
  {
    name: 'RFC 7607: AS 0 in AGGREGATOR → attribute-discard',
    attrs: [ORIGIN, AS_PATH, NEXT_HOP, hex`c0 07 06 0000 c0000201`],
    nlri: NLRI,
    issues: [{ code: 'as-zero', at: [3, 0], typeCode: 7, action: 'attribute-discard' }],
  },
  {
    name: '§7.5 LOCAL_PREF from an eBGP peer → attribute-discard',
    attrs: [ORIGIN, AS_PATH, NEXT_HOP, hex`40 05 04 00000064`],
    nlri: NLRI,
    context: EBGP,
    issues: [{ code: 'local-pref-ebgp', at: [3, 0], typeCode: 5, action: 'attribute-discard' }],
  },
  {
    name: '§5.1: attributes after MP_REACH are accepted (placing it first is a sender SHOULD)',
    attrs: [ORIGIN, MP_REACH_V6, AS_PATH],
    issues: [],
  },
  {
    name: 'NLRI and MP_REACH in one UPDATE are accepted (RFC 4760 §3); NEXT_HOP still needed',
    attrs: [MP_REACH_V6, ORIGIN, AS_PATH],
    nlri: NLRI,
    issues: [{ code: 'missing-well-known', at: 21, typeCode: 3, action: 'treat-as-withdraw' }],
  },
  {
    name: '§3.c ORIGIN with the Optional flag → treat-as-withdraw',
    attrs: [hex`c0 01 01 00`, AS_PATH, NEXT_HOP],
    nlri: NLRI,
    issues: [{ code: 'attribute-flags', at: [0, 0], typeCode: 1, action: 'treat-as-withdraw' }],
  },
  {
    name: '§4 attribute overrunning the attribute field → treat-as-withdraw',
    attrs: [ORIGIN, AS_PATH, NEXT_HOP, hex`c0 08 08 fde80001`],
    issues: [{ code: 'attribute-length', at: [3, -3], typeCode: 8, action: 'treat-as-withdraw' }],
  },
];

describe('RFC 7606 semantic checks: code, offset, action', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const wire = update(row.attrs, row.nlri);
      const d = decodeMessage(wire, row.context ?? DEFAULT_CONTEXT);
      expect(d.ok).toBe(true);
      if (!d.ok || d.value.kind !== 'update') return;
      const expected = row.issues.map((i) => ({
        code: i.code,
        offset: typeof i.at === 'number' ? i.at : valueAt(row.attrs, i.at[0]) + i.at[1],
        typeCode: i.typeCode,
        action: i.action,
      }));
      expect(
        d.value.issues.map(({ code, offset, typeCode, action }) => ({
          code,
          offset,
          typeCode,
          action,
        })),
      ).toEqual(expected);
      const worst = expected.length === 0 ? undefined : updateAction(d.value);
      expect(updateAction(d.value)).toBe(worst);
      for (const i of d.value.issues) {
        expect(UPDATE_ISSUES.map((r) => r.code)).toContain(i.code);
      }
      // Every UPDATE with issues still re-encodes as received.
      expect(toHex(encodeMessage(d.value, row.context ?? DEFAULT_CONTEXT))).toBe(toHex(wire));
    });
  }
});

describe('every issue code seen in the captures is in UPDATE_ISSUES', () => {
  it('captures', () => {
    const codes = new Set(UPDATE_ISSUES.map((r) => r.code));
    for (const file of bgpCaptureFiles()) {
      for (const m of bgpMessages(file)) {
        const { d } = decodeBest(m.bytes, m.context);
        if (!d.ok || d.value.kind !== 'update') continue;
        for (const i of d.value.issues) expect(codes, `${file} ${i.code}`).toContain(i.code);
      }
    }
  });
});

/** The README's error tables, generated from the code's tables. */
function errorTablesMarkdown(): string {
  const fatal = BGP_ERROR_CODES.map((c) => {
    const n = ERROR_NOTIFICATION[c];
    return `| \`${c}\` | ${n.code}/${n.subcode} | ${ERROR_MEANING[c]} |`;
  });
  const issues = UPDATE_ISSUES.map((r) => {
    const action = (BGP_ACTIONS as readonly string[]).includes(r.action)
      ? `\`${r.action}\``
      : r.action;
    return `| \`${r.code}\` | ${action} | ${r.reference} | ${r.meaning} |`;
  });
  return [
    '| code | NOTIFICATION | meaning |',
    '|---|---|---|',
    ...fatal,
    '',
    '| issue code | RFC 7606 action | reference | meaning |',
    '|---|---|---|---|',
    ...issues,
  ].join('\n');
}

describe('README error tables match the code tables', () => {
  it('README contains the generated tables', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    if (!readme.includes(errorTablesMarkdown())) console.log(errorTablesMarkdown());
    expect(readme).toContain(errorTablesMarkdown());
  });
});
