/**
 * fast-check arbitraries for this package's model, for property tests here and in
 * the packages built on it (rib, codecs). `fast-check` is an optional peer
 * dependency: only this entry point (`@routekit/prefix/testing`) needs it.
 *
 * Values are biased towards the places bugs live: all-zero and all-one words, zero
 * runs (for `::`), IPv4-mapped addresses, and the IANA special-purpose ranges.
 */
import fc from 'fast-check';
import {
  ADDRESS_BITS,
  type Address,
  type AddressFamily,
  type Ipv4Address,
  type Ipv6Address,
} from './address.js';
import { IPV4_SPECIAL_PURPOSE, IPV6_SPECIAL_PURPOSE } from './iana.js';
import { type Ipv4Prefix, type Ipv6Prefix, type Prefix, prefix, prefixMask } from './prefix.js';

export interface FamilyOption {
  /** Only this family; both when absent. */
  readonly family?: AddressFamily;
}

const uint32: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 0xffff_ffff }), weight: 4 },
  { arbitrary: fc.constantFrom(0, 0xffff_ffff, 0x7fff_ffff, 0x8000_0000, 1), weight: 1 },
);

const ipv4Blocks: readonly Ipv4Prefix[] = [
  ...IPV4_SPECIAL_PURPOSE.map((e) => e.prefix).filter((p): p is Ipv4Prefix => p.family === 4),
  prefix({ family: 4, value: 0xe000_0000 }, 4), // multicast
];

const ipv6Blocks: readonly Ipv6Prefix[] = [
  ...IPV6_SPECIAL_PURPOSE.map((e) => e.prefix).filter((p): p is Ipv6Prefix => p.family === 6),
  prefix({ family: 6, words: [0xff00_0000, 0, 0, 0] }, 8), // multicast
];

/** An address inside one of `blocks`, host bits taken from `random`. */
function inIpv4Block(random: fc.Arbitrary<Ipv4Address>): fc.Arbitrary<Ipv4Address> {
  return fc.tuple(fc.constantFrom(...ipv4Blocks), random).map(([p, r]) => {
    const mask = prefixMask(p).value;
    return { family: 4, value: (p.address.value | (r.value & ~mask)) >>> 0 };
  });
}

function inIpv6Block(random: fc.Arbitrary<Ipv6Address>): fc.Arbitrary<Ipv6Address> {
  return fc.tuple(fc.constantFrom(...ipv6Blocks), random).map(([p, r]) => {
    const mask = prefixMask(p).words;
    const w = (i: number): number => (p.address.words[i]! | (r.words[i]! & ~mask[i]!)) >>> 0;
    return { family: 6, words: [w(0), w(1), w(2), w(3)] };
  });
}

const uniformIpv4: fc.Arbitrary<Ipv4Address> = uint32.map((value) => ({ family: 4, value }));

/** Any IPv4 address, edge- and special-range-biased. */
export function arbIpv4Address(): fc.Arbitrary<Ipv4Address> {
  return fc.oneof(
    { arbitrary: uniformIpv4, weight: 3 },
    { arbitrary: inIpv4Block(uniformIpv4), weight: 1 },
  );
}

const group16: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 0xffff }), weight: 3 },
  { arbitrary: fc.constantFrom(0xffff, 1, 0x8000), weight: 1 },
);

const groupedIpv6: fc.Arbitrary<Ipv6Address> = fc
  .array(group16, { minLength: 8, maxLength: 8 })
  .map((g) => {
    const w = (i: number): number => ((g[2 * i]! << 16) | g[2 * i + 1]!) >>> 0;
    return { family: 6, words: [w(0), w(1), w(2), w(3)] };
  });

const wordIpv6: fc.Arbitrary<Ipv6Address> = fc
  .tuple(uint32, uint32, uint32, uint32)
  .map((w) => ({ family: 6, words: w }));

/** Any IPv6 address: zero runs (for `::`), IPv4-mapped and special ranges are common. */
export function arbIpv6Address(): fc.Arbitrary<Ipv6Address> {
  const random = fc.oneof(groupedIpv6, wordIpv6);
  return fc.oneof(
    { arbitrary: groupedIpv6, weight: 4 },
    { arbitrary: wordIpv6, weight: 2 },
    {
      arbitrary: uint32.map((v): Ipv6Address => ({ family: 6, words: [0, 0, 0xffff, v] })),
      weight: 1,
    },
    { arbitrary: inIpv6Block(random), weight: 1 },
  );
}

/** Any address of either family (or of `family`). */
export function arbAddress(options: FamilyOption = {}): fc.Arbitrary<Address> {
  if (options.family === 4) return arbIpv4Address();
  if (options.family === 6) return arbIpv6Address();
  return fc.oneof(arbIpv4Address(), arbIpv6Address());
}

function arbLength(family: AddressFamily): fc.Arbitrary<number> {
  const bits = ADDRESS_BITS[family];
  return fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: bits }), weight: 4 },
    { arbitrary: fc.constantFrom(0, 1, bits - 1, bits, 8, 16, 24), weight: 1 },
  );
}

/** Any canonical prefix (host bits zero), lengths edge-biased. */
export function arbPrefix(options: { readonly family: 4 }): fc.Arbitrary<Ipv4Prefix>;
export function arbPrefix(options: { readonly family: 6 }): fc.Arbitrary<Ipv6Prefix>;
export function arbPrefix(options?: FamilyOption): fc.Arbitrary<Prefix>;
export function arbPrefix(options: FamilyOption = {}): fc.Arbitrary<Prefix> {
  const v4 = fc.tuple(arbIpv4Address(), arbLength(4)).map(([a, l]) => prefix(a, l));
  const v6 = fc.tuple(arbIpv6Address(), arbLength(6)).map(([a, l]) => prefix(a, l));
  if (options.family === 4) return v4;
  if (options.family === 6) return v6;
  return fc.oneof(v4, v6);
}

/** A text spelling of an address, and the address it spells. */
export interface AddressSpelling {
  readonly text: string;
  readonly address: Address;
}

/** A text spelling of a prefix, and the prefix it spells. */
export interface PrefixSpelling {
  readonly text: string;
  readonly prefix: Prefix;
}

interface Ipv6Style {
  /** Write the last 32 bits as a dotted quad (RFC 4291 §2.2 form 3). */
  readonly dottedTail: boolean;
  /** Which zero run to compress, and how much of it (taken modulo what exists). */
  readonly runPick: number;
  readonly runTrim: number;
  readonly compress: boolean;
  /** Per group: extra leading zeros (up to 4 digits in all) and upper case. */
  readonly pad: readonly number[];
  readonly upper: readonly boolean[];
}

const ipv6Style: fc.Arbitrary<Ipv6Style> = fc.record({
  dottedTail: fc.boolean(),
  runPick: fc.nat(),
  runTrim: fc.nat(),
  compress: fc.oneof(
    { arbitrary: fc.constant(true), weight: 3 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  pad: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
  upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
});

function dottedQuad(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 0xff}.${(v >>> 8) & 0xff}.${v & 0xff}`;
}

/** Spell `a` in one of the forms RFC 4291 §2.2 allows; every result must parse back to `a`. */
function spellIpv6(a: Ipv6Address, style: Ipv6Style): string {
  const groups: number[] = [];
  for (const w of a.words) groups.push(w >>> 16, w & 0xffff);
  const hexGroups = style.dottedTail ? 6 : 8;
  const spelled = groups.slice(0, hexGroups).map((g, i) => {
    const digits = g.toString(16);
    const padded = digits.padStart(Math.min(4, digits.length + style.pad[i]!), '0');
    return style.upper[i] ? padded.toUpperCase() : padded;
  });
  if (style.dottedTail) spelled.push(dottedQuad(a.words[3]));
  // Zero runs among the hex groups: [start, end) pairs.
  const runs: [number, number][] = [];
  for (let i = 0; i < hexGroups; i++) {
    if (groups[i] !== 0) continue;
    let j = i;
    while (j < hexGroups && groups[j] === 0) j++;
    runs.push([i, j]);
    i = j;
  }
  if (!style.compress || runs.length === 0) return spelled.join(':');
  const [start, end] = runs[style.runPick % runs.length]!;
  // Compress any non-empty sub-run [s, e) of the chosen run.
  const size = end - start;
  const take = 1 + (style.runTrim % size);
  const s = start + (Math.floor(style.runTrim / size) % (size - take + 1));
  const e = s + take;
  return `${spelled.slice(0, s).join(':')}::${spelled.slice(e).join(':')}`;
}

/**
 * Valid text for an address, in the many forms a reader must accept (RFC 5952 §2):
 * any `::` placement (including a single group), leading zeros, upper and mixed
 * case, dotted IPv4 tails. IPv4 is dotted decimal without leading zeros.
 */
export function arbAddressSpelling(options: FamilyOption = {}): fc.Arbitrary<AddressSpelling> {
  const v4 = arbIpv4Address().map((address) => ({ text: dottedQuad(address.value), address }));
  const v6 = fc
    .tuple(arbIpv6Address(), ipv6Style)
    .map(([address, style]) => ({ text: spellIpv6(address, style), address }));
  if (options.family === 4) return v4;
  if (options.family === 6) return v6;
  return fc.oneof(v4, v6);
}

/** Valid address text (see `arbAddressSpelling`). */
export function arbAddressText(options: FamilyOption = {}): fc.Arbitrary<string> {
  return arbAddressSpelling(options).map((s) => s.text);
}

/** Valid prefix text: a canonical prefix whose address is spelled as `arbAddressSpelling` does. */
export function arbPrefixSpelling(options: FamilyOption = {}): fc.Arbitrary<PrefixSpelling> {
  return fc.tuple(arbPrefix(options), ipv6Style).map(([p, style]) => ({
    text: `${p.family === 4 ? dottedQuad(p.address.value) : spellIpv6(p.address, style)}/${p.length}`,
    prefix: p,
  }));
}

const NOISE: readonly string[] = [
  '0',
  '1',
  '9',
  'a',
  'f',
  'F',
  'g',
  'x',
  ':',
  '::',
  '.',
  '/',
  '%',
  ' ',
  '\t',
  '\n',
  '-',
  '+',
  '[',
  ']',
  '255',
  '256',
  '00',
  '0000',
  '00000',
  'ffff',
  '1.2.3.4',
  '\u0000',
  '\u0661',
  '\uff11',
  'e',
  'E',
  '_',
  '%eth0',
];

type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly count: number }
  | { readonly kind: 'replace'; readonly at: number; readonly text: string }
  | { readonly kind: 'append'; readonly text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(...NOISE),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.constantFrom(...NOISE),
  }),
  fc.record({
    kind: fc.constant('append' as const),
    text: fc.constantFrom(
      '/',
      '/0',
      '/8',
      '/32',
      '/33',
      '/128',
      '/129',
      '/024',
      '/-1',
      '/ 8',
      '/8 ',
      '/+8',
      '//8',
      '%',
      '%eth0',
      '%1/64',
    ),
  }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'append') return text + m.text;
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.count);
  return text.slice(0, at) + m.text + text.slice(at + 1);
}

/**
 * Near-valid text: a valid address or prefix spelling with one to four small
 * mutations (characters inserted, deleted or replaced; a `/length` or `%zone`
 * appended). Some results are still valid — parsers must answer either way.
 */
export function arbNearAddressText(): fc.Arbitrary<string> {
  const valid = fc.oneof(
    arbAddressText(),
    arbPrefixSpelling().map((s) => s.text),
  );
  return fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([text, ms]) => ms.reduce(mutate, text));
}
