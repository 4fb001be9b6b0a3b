/**
 * Hex text for vector tables, tests and scripts.
 *
 * Grammar: pairs of hex digits (either case); whitespace, newlines included, between
 * pairs (not inside one); `#` starts a comment that runs to the end of the line.
 * Anything else — an odd number of digits, `0x`, `:` separators — throws an `Error`
 * naming the line and column. These are helpers for trusted text (tests, scripts,
 * vector tables), so throwing is the right failure.
 */

/** What may be interpolated in {@link hex}. */
export type HexValue = string | Uint8Array;

const DIGIT: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < 6; i++) {
    t[65 + i] = 10 + i;
    t[97 + i] = 10 + i;
  }
  return t;
})();

/** Parser state shared across the parts of one template. */
interface State {
  out: number[];
  /** High nibble waiting for its partner, or -1. */
  pending: number;
  pendingAt: string;
  comment: boolean;
  line: number;
  column: number;
}

function where(s: State, part: string): string {
  return `${part}line ${s.line}, column ${s.column}`;
}

function scan(s: State, text: string, part: string): void {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      if (s.pending >= 0) throw new Error(`hex: line break inside a byte at ${where(s, part)}`);
      s.comment = false;
      s.line++;
      s.column = 1;
      continue;
    }
    if (!s.comment) {
      const d = ch < 128 ? DIGIT[ch]! : -1;
      if (d >= 0) {
        if (s.pending < 0) {
          s.pending = d;
          s.pendingAt = where(s, part);
        } else {
          s.out.push((s.pending << 4) | d);
          s.pending = -1;
        }
      } else if (ch === 35 /* # */) {
        if (s.pending >= 0) throw new Error(`hex: comment inside a byte at ${where(s, part)}`);
        s.comment = true;
      } else if (ch === 32 || ch === 9 || ch === 13) {
        if (s.pending >= 0) throw new Error(`hex: space inside a byte at ${where(s, part)}`);
      } else {
        throw new Error(
          `hex: unexpected ${JSON.stringify(text[i])} at ${where(s, part)} (only hex digit pairs, whitespace and # comments)`,
        );
      }
    }
    s.column++;
  }
}

function finish(s: State): Uint8Array {
  if (s.pending >= 0) throw new Error(`hex: odd number of digits (lone digit at ${s.pendingAt})`);
  return Uint8Array.from(s.out);
}

function newState(): State {
  return { out: [], pending: -1, pendingAt: '', comment: false, line: 1, column: 1 };
}

/**
 * Bytes from hex text, as a tagged template:
 *
 * ```ts
 * const keepalive = hex`
 *   ffffffff ffffffff ffffffff ffffffff  # marker
 *   0013                                 # length 19
 *   04                                   # type KEEPALIVE
 * `;
 * ```
 *
 * Interpolations: a `Uint8Array` is inserted as its bytes (it must fall between whole
 * bytes); a string is read as more hex text with the same grammar. Numbers are refused
 * on purpose: their width (1, 2 or 4 bytes?) would be a guess — write them in hex, or
 * build the bytes with a `Writer`. Positions in errors count the template's literal
 * text; an interpolated string reports its own line and column.
 */
export function hex(strings: TemplateStringsArray, ...values: readonly HexValue[]): Uint8Array {
  const s = newState();
  for (let i = 0; i < strings.length; i++) {
    scan(s, strings[i] ?? strings.raw[i]!, '');
    if (i >= values.length) continue;
    const value: unknown = values[i];
    const at = `interpolation #${i + 1}`;
    if (s.comment) throw new Error(`hex: ${at} is inside a # comment (line ${s.line})`);
    if (value instanceof Uint8Array) {
      if (s.pending >= 0) throw new Error(`hex: ${at} splits a byte at ${where(s, '')}`);
      for (const b of value) s.out.push(b);
    } else if (typeof value === 'string') {
      const inner = newState();
      inner.out = s.out;
      inner.pending = s.pending;
      inner.pendingAt = s.pendingAt;
      scan(inner, value, `${at}, `);
      s.pending = inner.pending;
      s.pendingAt = inner.pendingAt;
      if (inner.comment) throw new Error(`hex: ${at} ends inside a # comment`);
    } else {
      throw new Error(
        `hex: ${at} is ${typeof value === 'number' ? 'a number' : typeof value}; interpolate a Uint8Array or hex text`,
      );
    }
  }
  return finish(s);
}

/** Bytes from a hex string, with the same grammar as {@link hex} (whitespace, `#` comments). */
export function fromHex(text: string): Uint8Array {
  const s = newState();
  scan(s, text, '');
  return finish(s);
}

const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

/** Lowercase hex of `bytes`, pairs joined by `separator` (default none): `toHex(b, ' ')`. */
export function toHex(bytes: Uint8Array, separator = ''): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += separator;
    out += HEX_PAIRS[bytes[i]!]!;
  }
  return out;
}
