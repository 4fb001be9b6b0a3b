/**
 * Mutation fuzzing, one property per message type (the `fuzz` package script runs this
 * file with FC_NUM_RUNS=1000000; CI runs the fast-check default). Seeds are valid
 * encodings from `src/testing.ts` in a drawn context and real capture messages in their
 * negotiated (or guessed) context; each case applies up to three mutations (bit flips,
 * truncation, insertions, deletions, random tails, edge values in every length field the
 * seed has) and decodes the result in one of several contexts. For every case:
 *
 * - `decodeMessage` returns (a throw fails the property) a value or a typed error code;
 * - within a time bound (a hang or a quadratic path shows up as a slow case);
 * - the result holds no more than a bound proportional to the input: bytes it owns
 *   (Uint8Arrays not aliasing the input) and objects, strings and array slots;
 * - the input is not written to;
 * - a value re-encodes to as many bytes as were read, and that encoding decodes to an
 *   equal value (not byte-exact: prefix host bits are dropped, as RFC 4271 allows).
 *
 * MRT records (`decodeMrtRecord`) from small vectors get the same checks. The counts of
 * cases per message type and context are printed at the end.
 */
import { gunzipSync } from 'node:zlib';
import { arbMutation, type LengthField, loadVector } from '@routekit/testkit';
import { toHex, WIRE_ERROR_CODES } from '@routekit/wire';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BGP_ERROR_CODES,
  type BgpContext,
  type BgpMessage,
  DEFAULT_CONTEXT,
  decodeMessage,
  encodeMessage,
  MAX_EXTENDED_MESSAGE_LENGTH,
  MAX_MESSAGE_LENGTH,
  messageEncodingLength,
} from '../src/index.js';
import { decodeMrtRecord, encodeMrtRecord, mrtRecords } from '../src/mrt/index.js';
import { arbContext, arbMessage, arbUpdate } from '../src/testing.js';
import { bgpCaptureFiles, bgpMessages, GUESSES } from './helpers.js';

const MRT_CODES = [
  'record-too-long',
  'bad-header',
  'truncated-record',
  'bad-value',
  'decompress-error',
  'io-error',
];
const CODES: ReadonlySet<string> = new Set([...BGP_ERROR_CODES, ...WIRE_ERROR_CODES, ...MRT_CODES]);
const NUM_RUNS = fc.readConfigureGlobal().numRuns ?? 100;
/** Generous per-test timeout: the fuzz script runs a million cases per property. */
const TIMEOUT = 30_000 + NUM_RUNS * 20;

// ------------------------------------------------------------------ contexts
const BOTH = { receive: true, send: true };
const ALL_ADD_PATH = Object.fromEntries(
  ['1/1', '2/1', '1/2', '2/2', '1/4', '2/4', '1/128', '2/128'].map((k) => [k, BOTH]),
);
/** Named contexts every mutated message is also decoded in. */
const CONTEXTS: Readonly<Record<string, BgpContext>> = {
  '2-octet': DEFAULT_CONTEXT,
  '4-octet': { ...DEFAULT_CONTEXT, fourOctetAs: true },
  'add-path': { ...DEFAULT_CONTEXT, fourOctetAs: true, addPath: ALL_ADD_PATH },
  extended: { ...DEFAULT_CONTEXT, fourOctetAs: true, extendedMessage: true },
};

// ------------------------------------------------------------------ seeds
type Kind = BgpMessage['kind'];
const TYPE_CODE: Readonly<Record<Kind, number>> = {
  open: 1,
  update: 2,
  notification: 3,
  keepalive: 4,
  'route-refresh': 5,
};
interface Seed {
  readonly bytes: Uint8Array;
  /** Context the seed is valid in. */
  readonly context: BgpContext;
  readonly source: 'generated' | 'capture';
}

/** Real capture messages of each type, one per (type, length), in their session's context. */
const CAPTURED: ReadonlyMap<number, readonly Seed[]> = (() => {
  const out = new Map<number, Seed[]>();
  const seen = new Set<string>();
  for (const file of bgpCaptureFiles()) {
    for (const m of bgpMessages(file)) {
      if (!m.framed || m.bytes.length < 19) continue;
      const key = `${m.bytes[18]}/${m.bytes.length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const type = m.bytes[18]!;
      const list = out.get(type) ?? [];
      list.push({ bytes: m.bytes, context: m.context ?? DEFAULT_CONTEXT, source: 'capture' });
      out.set(type, list);
    }
  }
  return out;
})();

const u8 = fc.integer({ min: 0, max: 255 });
const u16 = fc.integer({ min: 0, max: 0xffff });

/** A well-formed message of `kind` for `context`. */
function arbOfKind(kind: Kind, context: BgpContext): fc.Arbitrary<BgpMessage> {
  const max = context.extendedMessage ? MAX_EXTENDED_MESSAGE_LENGTH : MAX_MESSAGE_LENGTH;
  switch (kind) {
    case 'update':
      return arbUpdate(context).filter((m) => messageEncodingLength(m, context) <= max);
    case 'open':
      // arbMessage's OPEN branch carries the parameter-size rules (RFC 9072 or not).
      return arbMessage(context).filter((m) => m.kind === 'open');
    case 'notification':
      return fc.record({
        kind: fc.constant('notification' as const),
        code: u8,
        subcode: u8,
        data: fc.uint8Array({ maxLength: 40 }),
      });
    case 'keepalive':
      return fc.constant({ kind: 'keepalive' as const });
    case 'route-refresh':
      return fc.record({
        kind: fc.constant('route-refresh' as const),
        afi: u16,
        subtype: u8,
        safi: u8,
        orf: fc.uint8Array({ maxLength: 20 }),
      });
  }
}

function arbSeed(kind: Kind): fc.Arbitrary<Seed> {
  const generated = arbContext().chain((context) =>
    arbOfKind(kind, context).map(
      (m): Seed => ({ bytes: encodeMessage(m, context), context, source: 'generated' }),
    ),
  );
  const captured = CAPTURED.get(TYPE_CODE[kind]) ?? [];
  return captured.length === 0
    ? generated
    : fc.oneof(
        { arbitrary: generated, weight: 1 },
        { arbitrary: fc.constantFrom(...captured), weight: 1 },
      );
}

/**
 * The length fields of a message, for edge-value rewrites: the header length, and per
 * type the OPEN parameter lengths (RFC 9072 form too), the UPDATE withdrawn and attribute
 * lengths and every attribute's length.
 */
function lengthFields(b: Uint8Array): LengthField[] {
  const out: LengthField[] = [{ offset: 16, width: 2 }];
  const type = b[18];
  if (type === 1 && b.length >= 29) {
    out.push({ offset: 28, width: 1 });
    if (b[28] === 255 && b[29] === 255) {
      out.push({ offset: 30, width: 2 }, { offset: 33, width: 2 });
    } else {
      out.push({ offset: 30, width: 1 }, { offset: 32, width: 1 });
    }
  } else if (type === 2 && b.length >= 23) {
    const wLen = (b[19]! << 8) | b[20]!;
    const at = 21 + wLen;
    out.push({ offset: 19, width: 2 });
    if (at + 2 <= b.length) {
      out.push({ offset: at, width: 2 });
      const end = Math.min(b.length, at + 2 + ((b[at]! << 8) | b[at + 1]!));
      let p = at + 2;
      while (p + 3 <= end && out.length < 12) {
        const ext = (b[p]! & 0x10) !== 0;
        out.push({ offset: p + 2, width: ext ? 2 : 1 });
        const len = ext ? (b[p + 2]! << 8) | (b[p + 3] ?? 0) : b[p + 2]!;
        p += (ext ? 4 : 3) + len;
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------ checks
/** Bytes owned by the result (Uint8Arrays not aliasing `input`), and its objects, strings and array slots. */
function footprint(value: unknown, input: Uint8Array): { bytes: number; nodes: number } {
  let bytes = 0;
  let nodes = 0;
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      // Issue details are text of their own; wire strings (FQDN, shutdown text) are
      // bounded by their bytes. Either way one node.
      nodes++;
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (seen.has(v)) return;
    seen.add(v);
    nodes++;
    if (v instanceof Uint8Array) {
      if (v.buffer !== input.buffer) bytes += v.byteLength;
      return;
    }
    if (Array.isArray(v)) {
      nodes += v.length;
      for (const x of v) walk(x);
      return;
    }
    for (const x of Object.values(v)) walk(x);
  };
  walk(value);
  return { bytes, nodes };
}

/** Per-case time bound: a hang or a quadratic path on a ≤ 64 KiB input is far beyond it. */
const timeBound = (length: number): number => 250 + length / 20;

/**
 * The decode time of a case: a first time over the bound is measured again (best of
 * three) so a GC pause or a busy machine does not fail the case; a real hang stays slow.
 */
function settled(ms: number, again: () => unknown): number {
  if (ms < 250) return ms;
  let best = ms;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    again();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

interface Tally {
  cases: number;
  ok: number;
  errors: number;
  maxMs: number;
  ms: number;
  byContext: Record<string, number>;
}
const TALLY = new Map<string, Tally>();

function check(kind: string, bytes: Uint8Array, contextName: string, context: BgpContext): void {
  const copy = bytes.slice();
  const t0 = performance.now();
  const d = decodeMessage(bytes, context);
  const ms = settled(performance.now() - t0, () => decodeMessage(bytes, context));
  const tally = TALLY.get(kind)!;
  tally.cases++;
  tally.ms += ms;
  tally.maxMs = Math.max(tally.maxMs, ms);
  tally.byContext[contextName] = (tally.byContext[contextName] ?? 0) + 1;
  expect(ms, 'decode time').toBeLessThan(timeBound(bytes.length));
  expect(toHex(bytes), 'input unchanged').toBe(toHex(copy));
  if (!d.ok) {
    tally.errors++;
    expect(CODES.has(d.error.code), `typed code, got ${d.error.code}`).toBe(true);
    expect(d.error.offset).toBeGreaterThanOrEqual(0);
    expect(d.error.offset).toBeLessThanOrEqual(bytes.length);
    return;
  }
  tally.ok++;
  expect(d.bytesRead).toBeLessThanOrEqual(bytes.length);
  const f = footprint(d.value, bytes);
  expect(f.bytes, 'owned bytes').toBeLessThanOrEqual(2 * bytes.length + 64);
  expect(f.nodes, 'objects and array slots').toBeLessThanOrEqual(4 * bytes.length + 64);
  // Not byte-exact in general: host bits after a prefix length are dropped (RFC 4271
  // §4.3 trailing bits "are irrelevant"). Same length, and it decodes to an equal value.
  const again = encodeMessage(d.value, context);
  expect(again.length, 're-encoded length').toBe(d.bytesRead);
  const back = decodeMessage(again, context);
  expect(back.ok).toBe(true);
  if (back.ok) expect(back.value).toEqual(d.value);
}

// ------------------------------------------------------------------ MRT
/** Records of small MRT vectors (RIB with ADD-PATH, BGP4MP, IPv6, TABLE_DUMP), one per (type, subtype, length). */
const MRT_SEEDS: readonly Uint8Array[] = (() => {
  const files = [
    'mrt/mrtparse/bird-mrtdump_bgp',
    'mrt/mrtparse/bird-mrtdump_rib',
    'mrt/mrtparse/bird6-mrtdump_rib',
    'mrt/mrtparse/openbgpd_bgp',
    'mrt/mrtparse/openbgpd_rib_table-v2',
    'mrt/mrtparse/quagga_bgp',
    'mrt/bgpdump/bview.ipv4_unicast_add_path.gz',
    'mrt/bgpkit/rrc00_2000.01_updates.20000102.2014.gz',
  ];
  const seen = new Set<string>();
  const out: Uint8Array[] = [];
  for (const file of files) {
    const raw = loadVector(file);
    const bytes = file.endsWith('.gz') ? new Uint8Array(gunzipSync(raw)) : raw;
    let n = 0;
    for (const item of mrtRecords(bytes)) {
      if (!item.ok || n++ > 400) break;
      const at = item.offset;
      const len = 12 + new DataView(bytes.buffer, bytes.byteOffset + at + 8, 4).getUint32(0);
      const key = `${item.record.type}/${item.record.subtype}/${len}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(bytes.slice(at, at + len));
    }
  }
  return out;
})();

/** BGP4MP: the embedded BGP message's length field (after the peer/local addresses). */
function mrtInnerLengths(b: Uint8Array): LengthField[] {
  const type = (b[4]! << 8) | b[5]!;
  if (type !== 16 || b.length < 20) return [];
  const subtype = (b[6]! << 8) | b[7]!;
  const as4 = subtype === 4 || subtype === 5 || subtype === 7 || subtype === 9 || subtype === 11;
  const afi = as4 ? (b[22]! << 8) | b[23]! : (b[18]! << 8) | b[19]!;
  const head = 12 + (as4 ? 8 : 4) + 2 + 2;
  const marker = head + 2 * (afi === 2 ? 16 : 4);
  return marker + 18 <= b.length ? [{ offset: marker + 16, width: 2 }] : [];
}

function checkMrt(bytes: Uint8Array): void {
  const copy = bytes.slice();
  const t0 = performance.now();
  const d = decodeMrtRecord(bytes);
  const ms = settled(performance.now() - t0, () => decodeMrtRecord(bytes));
  const tally = TALLY.get('mrt-record')!;
  tally.cases++;
  tally.ms += ms;
  tally.maxMs = Math.max(tally.maxMs, ms);
  expect(ms, 'decode time').toBeLessThan(timeBound(bytes.length));
  expect(toHex(bytes), 'input unchanged').toBe(toHex(copy));
  if (!d.ok) {
    tally.errors++;
    expect(CODES.has(d.error.code), `typed code, got ${d.error.code}`).toBe(true);
    return;
  }
  tally.ok++;
  expect(d.bytesRead).toBeLessThanOrEqual(bytes.length);
  const f = footprint(d.value, bytes);
  expect(f.bytes, 'owned bytes').toBeLessThanOrEqual(2 * bytes.length + 64);
  expect(f.nodes, 'objects and array slots').toBeLessThanOrEqual(4 * bytes.length + 64);
  const again = encodeMrtRecord(d.value);
  expect(again.length, 're-encoded length').toBe(d.bytesRead);
  const back = decodeMrtRecord(again);
  expect(back.ok).toBe(true);
  if (back.ok) expect(back.value).toEqual(d.value);
}

// ------------------------------------------------------------------ properties
const KINDS: readonly Kind[] = ['open', 'update', 'notification', 'keepalive', 'route-refresh'];
const NAMED = Object.keys(CONTEXTS);

describe('fuzz: mutated messages never throw, hang, over-allocate or mutate input', () => {
  for (const kind of KINDS) {
    it(
      `${kind}`,
      () => {
        TALLY.set(kind, { cases: 0, ok: 0, errors: 0, maxMs: 0, ms: 0, byContext: {} });
        fc.assert(
          fc.property(
            arbSeed(kind).chain((seed) =>
              fc.record({
                seed: fc.constant(seed),
                mutation: arbMutation(seed.bytes, {
                  lengthFields: lengthFields(seed.bytes),
                  maxSteps: 3,
                }),
                // The seed's own context half of the time, else a named or guessed one.
                decodeIn: fc.oneof(
                  fc.constant('own'),
                  fc.constantFrom(...NAMED),
                  fc.integer({ min: 0, max: GUESSES.length - 1 }).map((i) => `guess-${i}`),
                ),
              }),
            ),
            ({ seed, mutation, decodeIn }) => {
              const context =
                decodeIn === 'own'
                  ? seed.context
                  : decodeIn.startsWith('guess-')
                    ? GUESSES[Number(decodeIn.slice(6))]!
                    : CONTEXTS[decodeIn]!;
              const name = decodeIn === 'own' ? `own (${seed.source})` : decodeIn;
              check(kind, mutation.bytes, name, context);
            },
          ),
        );
      },
      TIMEOUT,
    );
  }

  it(
    'mrt-record',
    () => {
      TALLY.set('mrt-record', { cases: 0, ok: 0, errors: 0, maxMs: 0, ms: 0, byContext: {} });
      fc.assert(
        fc.property(
          fc.constantFrom(...MRT_SEEDS).chain((seed) =>
            arbMutation(seed, {
              lengthFields: [{ offset: 8, width: 4 }, ...mrtInnerLengths(seed)],
              maxSteps: 3,
            }),
          ),
          (mutation) => checkMrt(mutation.bytes),
        ),
      );
    },
    TIMEOUT,
  );

  it('generated seeds are valid before mutation', () => {
    for (const kind of KINDS) {
      fc.assert(
        fc.property(arbSeed(kind), (seed) => {
          // Capture seeds are as captured (some are malformed on purpose).
          if (seed.source === 'generated')
            expect(decodeMessage(seed.bytes, seed.context).ok).toBe(true);
        }),
        { numRuns: 20 },
      );
    }
  });
});

afterAll(() => {
  const rows = [...TALLY].map(([kind, t]) => {
    const contexts = Object.entries(t.byContext)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    return `  ${kind}: ${t.cases} cases (${t.ok} decoded, ${t.errors} typed errors), decode ${t.ms.toFixed(0)} ms total, slowest ${t.maxMs.toFixed(2)} ms${contexts === '' ? '' : `; contexts: ${contexts}`}`;
  });
  if (rows.length > 0) console.log(`bgp-codec fuzz (FC_NUM_RUNS=${NUM_RUNS}):\n${rows.join('\n')}`);
});
