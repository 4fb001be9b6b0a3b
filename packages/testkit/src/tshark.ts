import { execFile, execFileSync } from 'node:child_process';
import {
  getFirst,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  parseJsonKeepDuplicates,
} from './json-dup.js';

/**
 * tshark as a reference decoder: run `tshark -T json` on a capture, flatten each frame
 * into `field name → values`, and compare those values with what our decoder says
 * (`diffFields`), field by field.
 */

/** Where a field sits in the frame (`tshark -x`): byte offset and length. */
export interface TsharkRaw {
  /** The field's bytes as lowercase hex. */
  readonly hex: string;
  /** Offset from the start of the frame (of the data source the field lives in). */
  readonly offset: number;
  readonly length: number;
  /** Bit mask for bit fields, 0 otherwise. */
  readonly bitmask: number;
  /** tshark's internal field type number. */
  readonly type: number;
}

/** One field occurrence in a frame, in tshark's document order. */
export interface TsharkField {
  /** Field abbreviation, e.g. `rip.metric`, `bgp.open.myas`. */
  readonly name: string;
  /** The value as tshark prints it; '' for fields that only group children. */
  readonly value: string;
  /** The protocol layer the field belongs to (`rip`, `bgp`, `ip`, …). */
  readonly layer: string;
  /** Which occurrence of that layer in the frame (several BGP messages in one segment). */
  readonly layerIndex: number;
  /** Keys of the enclosing nodes inside the layer (text labels and field subtrees). */
  readonly path: readonly string[];
  /** Position in the frame, when tshark ran with `raw: true` (`-x`). */
  readonly raw?: TsharkRaw;
}

/** One layer (protocol) occurrence in a frame. */
export interface TsharkLayer {
  readonly name: string;
  readonly index: number;
  readonly raw?: TsharkRaw;
}

/** A frame as tshark decoded it, with a flat field view. */
export class TsharkFrame {
  /** 1-based frame number (`frame.number`). */
  readonly number: number;
  /** `frame.protocols` split on ':', e.g. ['eth', 'ethertype', 'ip', 'udp', 'rip']. */
  readonly protocols: readonly string[];
  readonly layers: readonly TsharkLayer[];
  /** Every field, in document order. */
  readonly fields: readonly TsharkField[];
  /** `field name → values`, values in document order. */
  readonly map: ReadonlyMap<string, readonly string[]>;
  /** The untouched `_source.layers` object (duplicate keys kept). */
  readonly source: JsonObject;

  constructor(source: JsonObject, layers: TsharkLayer[], fields: TsharkField[]) {
    this.source = source;
    this.layers = layers;
    this.fields = fields;
    const map = new Map<string, string[]>();
    for (const f of fields) {
      const list = map.get(f.name);
      if (list) list.push(f.value);
      else map.set(f.name, [f.value]);
    }
    this.map = map;
    this.number = Number(map.get('frame.number')?.[0] ?? Number.NaN);
    this.protocols = (map.get('frame.protocols')?.[0] ?? '').split(':').filter(Boolean);
  }

  /** Every value of `name` in this frame (empty when absent). */
  values(name: string): readonly string[] {
    return this.map.get(name) ?? [];
  }

  /** The first value of `name`, if present. */
  first(name: string): string | undefined {
    return this.map.get(name)?.[0];
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  /** The fields of one layer occurrence (e.g. the second BGP message). */
  layerFields(layer: string, index = 0): TsharkField[] {
    return this.fields.filter((f) => f.layer === layer && f.layerIndex === index);
  }
}

const FIELD_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

function looksLikeField(key: string, layer: string): boolean {
  return FIELD_NAME.test(key) && (key.includes('.') || key === layer || key.startsWith('_ws'));
}

function toRaw(v: JsonValue): TsharkRaw | undefined {
  if (!Array.isArray(v) || typeof v[0] !== 'string') return undefined;
  const n = (x: JsonValue | undefined): number => (typeof x === 'number' ? x : 0);
  return { hex: v[0], offset: n(v[1]), length: n(v[2]), bitmask: n(v[3]), type: n(v[4]) };
}

function flattenObject(
  obj: JsonObject,
  layer: string,
  layerIndex: number,
  path: readonly string[],
  out: TsharkField[],
): void {
  const pendingRaw = new Map<string, TsharkRaw>();
  const emit = (key: string, value: JsonValue): void => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const raw = pendingRaw.get(key);
      pendingRaw.delete(key);
      out.push({
        name: key,
        value: String(value),
        layer,
        layerIndex,
        path,
        ...(raw ? { raw } : {}),
      });
      return;
    }
    if (value === null) return;
    if (Array.isArray(value)) {
      // `--no-duplicate-keys` style: one key, an array of occurrences
      for (const item of value) emit(key, item);
      return;
    }
    if (key.endsWith('_tree')) {
      flattenObject(value, layer, layerIndex, [...path, key.slice(0, -5)], out);
      return;
    }
    if (looksLikeField(key, layer)) {
      // a field without a value of its own (FT_NONE) that groups children
      const raw = pendingRaw.get(key);
      pendingRaw.delete(key);
      out.push({ name: key, value: '', layer, layerIndex, path, ...(raw ? { raw } : {}) });
    }
    flattenObject(value, layer, layerIndex, [...path, key], out);
  };
  for (const [key, value] of obj.entries) {
    if (key.endsWith('_raw')) {
      const raw = toRaw(value);
      if (raw) {
        pendingRaw.set(key.slice(0, -4), raw);
        continue;
      }
    }
    emit(key, value);
  }
}

/** Flatten one element of tshark's JSON array (`{ _source: { layers } }`). */
export function flattenTsharkPacket(packet: JsonValue): TsharkFrame {
  const source = isJsonObject(packet) ? getFirst(packet, '_source') : undefined;
  const layersObj = isJsonObject(source) ? getFirst(source, 'layers') : undefined;
  if (!isJsonObject(layersObj)) throw new Error('tshark JSON packet without _source.layers');
  const layers: TsharkLayer[] = [];
  const fields: TsharkField[] = [];
  const counts = new Map<string, number>();
  const rawOf = new Map<string, TsharkRaw>();
  const addLayer = (name: string, value: JsonObject): void => {
    const index = counts.get(name) ?? 0;
    counts.set(name, index + 1);
    const raw = rawOf.get(name);
    rawOf.delete(name);
    layers.push({ name, index, ...(raw ? { raw } : {}) });
    flattenObject(value, name, index, [], fields);
  };
  for (const [name, value] of layersObj.entries) {
    if (name.endsWith('_raw')) {
      const raw = toRaw(value);
      if (raw) {
        rawOf.set(name.slice(0, -4), raw);
        continue;
      }
    }
    if (isJsonObject(value)) addLayer(name, value);
    else if (Array.isArray(value)) {
      for (const v of value) if (isJsonObject(v)) addLayer(name, v);
    }
    // a layer given as a bare string (e.g. "data": "…") has no fields of its own
  }
  return new TsharkFrame(layersObj, layers, fields);
}

/** Parse the whole output of `tshark -T json` (duplicate keys kept). */
export function parseTsharkJson(text: string): TsharkFrame[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const doc = parseJsonKeepDuplicates(trimmed);
  if (!Array.isArray(doc)) throw new Error('tshark JSON output is not an array');
  return doc.map(flattenTsharkPacket);
}

export interface TsharkOptions {
  /** Display filter (`-Y`). */
  readonly filter?: string;
  /** Preferences (`-o name:value`), e.g. `{ 'tcp.desegment_tcp_streams': 'TRUE' }`. */
  readonly prefs?: Readonly<Record<string, string>>;
  /** Decode-as rules (`-d`), e.g. `['tcp.port==1790,bgp']`. */
  readonly decodeAs?: readonly string[];
  /** Add byte positions of every field (`-x`, see `TsharkField.raw`). */
  readonly raw?: boolean;
  /** Two-pass analysis (`-2`). */
  readonly twoPass?: boolean;
  /** Only the first N frames (`-c`). */
  readonly count?: number;
  /** Default 30 s. */
  readonly timeoutMs?: number;
  /** Default 256 MiB. */
  readonly maxBuffer?: number;
  /** The tshark binary (default `tshark` on PATH). */
  readonly binary?: string;
}

/** The argument list `runTshark` uses (name resolution always off: `-n`). */
export function tsharkArgs(file: string, options: TsharkOptions = {}): string[] {
  const args = ['-n', '-r', file, '-T', 'json'];
  if (options.raw) args.push('-x');
  if (options.twoPass) args.push('-2');
  if (options.count !== undefined) args.push('-c', String(options.count));
  if (options.filter !== undefined) args.push('-Y', options.filter);
  for (const [k, v] of Object.entries(options.prefs ?? {})) args.push('-o', `${k}:${v}`);
  for (const d of options.decodeAs ?? []) args.push('-d', d);
  return args;
}

const INSTALL_HINT =
  'tshark is needed by this test; install it with `bash scripts/install-system.sh` (Debian package tshark)';

/** tshark's version line, or undefined if it cannot be run. */
export function tsharkVersion(binary = 'tshark'): string | undefined {
  try {
    const out = execFileSync(binary, ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n')[0]?.trim();
  } catch {
    return undefined;
  }
}

/** Whether `tshark --version` runs. */
export function tsharkAvailable(binary = 'tshark'): boolean {
  return tsharkVersion(binary) !== undefined;
}

/** Throw a clear error (with the install command) when tshark is missing. */
export function requireTshark(binary = 'tshark'): string {
  const v = tsharkVersion(binary);
  if (v === undefined) throw new Error(INSTALL_HINT);
  return v;
}

/** Run `tshark -n -r <file> -T json …` and return the flattened frames. */
export function runTshark(file: string, options: TsharkOptions = {}): Promise<TsharkFrame[]> {
  const binary = options.binary ?? 'tshark';
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      tsharkArgs(file, options),
      {
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 30_000,
        maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
        env: { ...process.env, LC_ALL: 'C' },
      },
      (err, stdout, stderr) => {
        if (err) {
          const code = (err as NodeJS.ErrnoException).code;
          const why =
            code === 'ENOENT'
              ? INSTALL_HINT
              : `tshark ${tsharkArgs(file, options).join(' ')} failed: ${err.message}\n${stderr}`;
          reject(new Error(why));
          return;
        }
        try {
          resolve(parseTsharkJson(stdout));
        } catch (e) {
          reject(e);
        }
      },
    );
  });
}

// ------------------------------------------------------------------ differ

/** A value our decoder reports for a field. */
export type OurValue = string | number | bigint | boolean | Uint8Array;

/** Our decoder's view of one frame: field name (tshark's abbreviation) → value(s). */
export type OurFields = Readonly<Record<string, OurValue | readonly OurValue[] | undefined>>;

export interface OurFrame {
  /** 1-based frame number, as tshark counts. */
  readonly frame: number;
  readonly fields: OurFields;
}

/** One disagreement between tshark and our decoder. */
export interface FieldMismatch {
  readonly frame: number;
  /** The field, or `<frame>` when a frame is present on one side only. */
  readonly field: string;
  /** tshark's values as printed (before normalisation). */
  readonly tshark: readonly string[];
  /** Ours, as strings (before normalisation). */
  readonly ours: readonly string[];
}

export type Normalizer = (value: string, field: string) => string;

export interface DiffOptions {
  /**
   * Fields to compare. Default: for each frame, the fields our side reports. A RegExp
   * selects the fields of both sides whose names match.
   */
  readonly fields?: readonly string[] | RegExp;
  /** One normaliser for every field, or one per field name (others get the default). */
  readonly normalize?: Normalizer | Readonly<Record<string, Normalizer>>;
  /** Compare values as multisets instead of in order. */
  readonly unordered?: boolean;
  /**
   * `both` (default): a frame on one side only is a mismatch. `ours`: only frames we
   * report are compared (tshark must still have them).
   */
  readonly frames?: 'both' | 'ours';
}

function bytesToTshark(b: Uint8Array): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** Our value as tshark would print it (bytes colon-separated, booleans 1/0). */
export function ourValueToString(v: OurValue): string {
  if (v instanceof Uint8Array) return bytesToTshark(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/**
 * The default normaliser: trims; integers in decimal or 0x-hex become decimal
 * (`0x0800` = `2048`, `007` = `7`); colon-separated bytes become lowercase hex
 * (`AA:bb` = `aabb`). Anything else is compared as is.
 */
export function canonicalValue(value: string): string {
  const t = value.trim();
  if (/^[0-9a-f]{2}(?::[0-9a-f]{2})+$/i.test(t)) return `hex:${t.replace(/:/g, '').toLowerCase()}`;
  if (/^0x[0-9a-f]+$/i.test(t)) return BigInt(t).toString();
  if (/^-?\d+$/.test(t)) return BigInt(t).toString();
  return t;
}

function oursList(v: OurValue | readonly OurValue[] | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return (v as readonly OurValue[]).map(ourValueToString);
  return [ourValueToString(v as OurValue)];
}

function sameValues(a: readonly string[], b: readonly string[], unordered: boolean): boolean {
  if (a.length !== b.length) return false;
  const x = unordered ? [...a].sort() : a;
  const y = unordered ? [...b].sort() : b;
  return x.every((v, i) => v === y[i]);
}

/**
 * Compare tshark's frames with ours, field by field. Returns every mismatch (empty when
 * both agree), with the values as each side printed them.
 */
export function diffFields(
  expected: readonly TsharkFrame[],
  actual: readonly OurFrame[] | ReadonlyMap<number, OurFields>,
  options: DiffOptions = {},
): FieldMismatch[] {
  const ours = new Map<number, OurFields>(
    actual instanceof Map
      ? actual
      : (actual as readonly OurFrame[]).map((f) => [f.frame, f.fields] as const),
  );
  const theirs = new Map(expected.map((f) => [f.number, f] as const));
  const norm = (field: string, v: string): string => {
    const n = options.normalize;
    if (typeof n === 'function') return n(v, field);
    const per = n?.[field];
    return per ? per(v, field) : canonicalValue(v);
  };
  const mismatches: FieldMismatch[] = [];
  const numbers = [...new Set([...theirs.keys(), ...ours.keys()])].sort((a, b) => a - b);
  for (const number of numbers) {
    const t = theirs.get(number);
    const o = ours.get(number);
    if (!o) {
      if ((options.frames ?? 'both') === 'both') {
        mismatches.push({ frame: number, field: '<frame>', tshark: ['present'], ours: [] });
      }
      continue;
    }
    if (!t) {
      mismatches.push({ frame: number, field: '<frame>', tshark: [], ours: ['present'] });
      continue;
    }
    let names: string[];
    const sel = options.fields;
    if (sel instanceof RegExp) {
      names = [...new Set([...t.map.keys(), ...Object.keys(o)])].filter((n) => sel.test(n));
    } else if (sel) names = [...sel];
    else names = Object.keys(o).filter((k) => o[k] !== undefined);
    for (const field of names) {
      const tv = t.values(field);
      const ov = oursList(o[field]);
      const tn = tv.map((v) => norm(field, v));
      const on = ov.map((v) => norm(field, v));
      if (!sameValues(tn, on, options.unordered ?? false)) {
        mismatches.push({ frame: number, field, tshark: tv, ours: ov });
      }
    }
  }
  return mismatches;
}

/** Mismatches as a readable table, one line each (for assertion messages). */
export function formatMismatches(mismatches: readonly FieldMismatch[], limit = 50): string {
  if (mismatches.length === 0) return 'tshark and ours agree';
  const show = (v: readonly string[]): string =>
    v.length === 0 ? '(absent)' : v.map((x) => JSON.stringify(x)).join(', ');
  const lines = mismatches
    .slice(0, limit)
    .map((m) => `frame ${m.frame} ${m.field}: tshark ${show(m.tshark)} | ours ${show(m.ours)}`);
  if (mismatches.length > limit) lines.push(`… and ${mismatches.length - limit} more`);
  return `${mismatches.length} field mismatch(es):\n${lines.join('\n')}`;
}
