import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One data file listed in a `../shared/vectors/<protocol>/MANIFEST.md`. */
export interface VectorEntry {
  /** Protocol folder: `bgp`, `ospf`, `rip`, `mrt`, `bfd`. */
  readonly protocol: string;
  /** Path relative to the vectors root, e.g. `rip/tcpdump/rip.pcap`. */
  readonly path: string;
  /** `owner/repo:path` the file was taken from. */
  readonly source: string;
  readonly commit: string;
  readonly licence: string;
  readonly bytes: number;
  /** The manifest's "Contents" column. */
  readonly contents: string;
}

/**
 * The vectors folder: `$ROUTEKIT_VECTORS` if set, else `shared/vectors` found by
 * walking up from this file (the project sits next to `shared/`).
 */
export function vectorsRoot(): string {
  const fromEnv = process.env['ROUTEKIT_VECTORS'];
  if (fromEnv) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'vectors');
    if (existsSync(join(candidate, 'SHA256SUMS'))) return candidate;
    const sibling = join(dir, '..', 'shared', 'vectors');
    if (existsSync(join(sibling, 'SHA256SUMS'))) return resolve(sibling);
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        'shared/vectors not found next to the project; set ROUTEKIT_VECTORS to its path',
      );
    }
    dir = parent;
  }
}

let sumsCache: Map<string, string> | undefined;

/** `SHA256SUMS` as a map from relative path to lowercase hex digest. */
export function sha256Sums(root: string = vectorsRoot()): ReadonlyMap<string, string> {
  if (sumsCache) return sumsCache;
  const map = new Map<string, string>();
  for (const line of readFileSync(join(root, 'SHA256SUMS'), 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line.trim());
    if (m) map.set(m[2]!, m[1]!);
  }
  sumsCache = map;
  return map;
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** Every file row of one protocol's MANIFEST.md (the table headed `| File |`). */
export function manifest(protocol: string, root: string = vectorsRoot()): VectorEntry[] {
  const text = readFileSync(join(root, protocol, 'MANIFEST.md'), 'utf8');
  const out: VectorEntry[] = [];
  let header: string[] | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    const row = cells(line);
    if (row[0] === 'File') {
      header = row;
      continue;
    }
    if (!header || /^-+:?$/.test(row[0] ?? '') || row[0]?.startsWith(':')) continue;
    const col = (name: string): string => row[header!.indexOf(name)] ?? '';
    const file = /^`(.+)`$/.exec(col('File'))?.[1];
    if (!file) continue;
    out.push({
      protocol,
      path: `${protocol}/${file}`,
      source: col('Source repo:path').replace(/`/g, ''),
      commit: col('Commit').replace(/`/g, ''),
      licence: col('Licence'),
      bytes: Number(col('Bytes').replace(/[^0-9]/g, '')),
      contents: col('Contents'),
    });
  }
  return out;
}

/** Every manifest entry of every protocol folder. */
export function allVectors(root: string = vectorsRoot()): VectorEntry[] {
  return ['bgp', 'ospf', 'rip', 'mrt', 'bfd'].flatMap((p) =>
    existsSync(join(root, p, 'MANIFEST.md')) ? manifest(p, root) : [],
  );
}

/**
 * Read one vector file (path relative to the vectors root) and check its SHA-256
 * against `SHA256SUMS`; throws on a missing, unlisted or altered file.
 */
export function loadVector(path: string, root: string = vectorsRoot()): Uint8Array {
  const expected = sha256Sums(root).get(path);
  if (!expected) throw new Error(`${path} is not listed in SHA256SUMS`);
  const bytes = readFileSync(join(root, path));
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) {
    throw new Error(`${path}: SHA-256 ${actual} does not match SHA256SUMS (${expected})`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Absolute path of a vector file (for handing to tshark, tcpdump, bgpdump). */
export function vectorPath(path: string, root: string = vectorsRoot()): string {
  return join(root, path);
}

/** Paths of the vectors whose names match `pattern` (e.g. /\.(pcap|pcapng|cap)$/). */
export function findVectors(pattern: RegExp, root: string = vectorsRoot()): string[] {
  return [...sha256Sums(root).keys()].filter((p) => pattern.test(p)).sort();
}
