import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { BgpdumpFormatter, mrtRecordToJson, readMrt } from '@routekit/bgp-codec/mrt';
import { ExitCode, type ExitCodeValue, type Io, UsageError } from '../io.js';
import { readInput, UnreadableError } from '../load.js';

/**
 * gzip through Node's zlib (about 4x faster than the pure-JavaScript default; multi-member
 * files too). `pipeline` destroys the gunzip stream when the source fails, so the reader
 * sees the error instead of waiting.
 */
function nativeGunzip(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const z = createGunzip();
  pipeline(Readable.from(chunks), z).catch(() => undefined);
  return z;
}

export const MRT_HELP = `Usage: routekit mrt [options] <file>

Print the records of an MRT routing dump (RFC 6396): TABLE_DUMP, TABLE_DUMP_V2 (with
RFC 8050 ADD-PATH), BGP4MP and BGP4MP_ET, and the deprecated BGP type. The file may be
plain, gzip or bzip2 compressed (found by its magic bytes). It is streamed: memory stays
flat whatever the file's size.

Output:
  -m, --bgpdump      the lines \`bgpdump -m\` prints: one per route or event (default)
  -j, --json         one JSON object per record: {"offset", "record"} (addresses and
                     prefixes as text, bytes as hex); a damaged record is
                     {"offset", "error": {code, offset, length?, detail?}}

Options:
  --resync           after a damaged record, scan forward to the next plausible record
                     header and go on (default: stop at the first one, like bgpdump)
  --progress         progress bar on stderr (bytes of the file read / its size) even
                     when stderr is not a terminal; --no-progress: never
  -h, --help         show this help

A damaged record is reported on stderr with its offset (into the decompressed file).

Exit codes: 0 ok, 1 usage, 2 unreadable file (missing, not MRT, read error),
3 a damaged record was met (the records before it — and with --resync after it — are
printed).
`;

/** Flush the output buffer at this size (one write per batch, not per line). */
const BATCH = 1 << 16;
/** Damaged records reported one by one on stderr (then only counted). */
const REPORTED = 10;
/** Redraw the progress bar at most this often (ms). */
const PROGRESS_EVERY = 200;

interface Options {
  readonly json: boolean;
  readonly resync: boolean;
  readonly progress: boolean;
}

function parseMrtArgs(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    allowNegative: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean', short: 'j' },
      bgpdump: { type: 'boolean', short: 'm' },
      resync: { type: 'boolean' },
      progress: { type: 'boolean' },
    },
  });
}

function parse(args: readonly string[], io: Io): { file: string; options: Options } | undefined {
  let parsed: ReturnType<typeof parseMrtArgs>;
  try {
    parsed = parseMrtArgs(args);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(MRT_HELP);
    return undefined;
  }
  if (values.json === true && values.bgpdump === true) {
    throw new UsageError('--json and -m (--bgpdump) exclude each other');
  }
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('mrt needs a file');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  return {
    file,
    options: {
      json: values.json === true,
      resync: values.resync === true,
      progress: values.progress ?? io.stderrIsTTY === true,
    },
  };
}

/** The bytes of `path` as chunks, with the file's size; counts bytes read into `read`. */
async function openInput(
  path: string,
  io: Io,
  read: { bytes: number },
): Promise<{ size: number; source: AsyncIterable<Uint8Array> | Uint8Array }> {
  if (io.openFile === undefined) {
    const bytes = await readInput(path, io);
    read.bytes = bytes.length;
    return { size: bytes.length, source: bytes };
  }
  let opened: Awaited<ReturnType<NonNullable<Io['openFile']>>>;
  try {
    opened = await io.openFile(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why = typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
    throw new UnreadableError(`cannot read ${path}: ${why}`);
  }
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of opened.chunks) {
      read.bytes += chunk.length;
      yield chunk;
    }
  }
  return { size: opened.size, source: counted() };
}

const MiB = 1024 * 1024;

/** `[########......]  42.1%  12.3 / 29.1 MiB  123,456 records` */
function progressLine(read: number, size: number, records: number): string {
  const width = 24;
  const share = size > 0 ? Math.min(1, read / size) : 0;
  const done = Math.round(share * width);
  return `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(share * 100).toFixed(1).padStart(5)}%  ${(read / MiB).toFixed(1)} / ${(size / MiB).toFixed(1)} MiB  ${records.toLocaleString('en-US')} records`;
}

/** `routekit mrt <file>`. */
export async function mrtCommand(args: readonly string[], io: Io): Promise<ExitCodeValue> {
  const p = parse(args, io);
  if (p === undefined) return ExitCode.Ok;
  const { file, options } = p;
  const read = { bytes: 0 };
  const { size, source } = await openInput(file, io, read);

  let out = '';
  const flush = async (): Promise<void> => {
    if (out.length === 0) return;
    io.stdout(out);
    out = '';
    if (io.drain !== undefined) await io.drain();
  };
  let bar = false;
  let lastDraw = 0;
  const clearBar = (): void => {
    if (bar) io.stderr('\r\x1b[K');
    bar = false;
  };
  const drawBar = (records: number, force = false): void => {
    const now = Date.now();
    if (!force && now - lastDraw < PROGRESS_EVERY) return;
    lastDraw = now;
    io.stderr(`\r${progressLine(read.bytes, size, records)}`);
    bar = true;
  };

  const formatter = new BgpdumpFormatter();
  const lines: string[] = [];
  let records = 0;
  let damaged = 0;
  let ioError: string | undefined;
  let first = true;
  for await (const item of readMrt(source, { resync: options.resync, gunzip: nativeGunzip })) {
    if (item.ok) {
      first = false;
      records++;
      if (options.json) {
        out += `${JSON.stringify({ offset: item.offset, record: mrtRecordToJson(item.record) })}\n`;
      } else {
        formatter.formatInto(item.record, lines);
        for (const line of lines) out += `${line}\n`;
        lines.length = 0;
      }
    } else {
      const e = item.error;
      const where = `${e.code} at offset ${e.offset}${e.length === undefined ? '' : ` (${e.length} bytes)`}${e.detail === undefined ? '' : `: ${e.detail}`}`;
      if (first && e.offset === 0 && e.code !== 'io-error') {
        // Nothing readable at all: not an MRT file (or not one we can read).
        clearBar();
        throw new UnreadableError(`${file}: not an MRT file: ${where}`);
      }
      first = false;
      if (e.code === 'io-error') ioError = where;
      else damaged++;
      if (options.json) out += `${JSON.stringify({ offset: e.offset, error: e })}\n`;
      if (e.code === 'io-error' || damaged <= REPORTED) {
        await flush();
        clearBar();
        const what = e.code === 'io-error' ? 'read error' : 'damaged record';
        io.stderr(`routekit mrt: ${file}: ${what}: ${where}\n`);
      }
    }
    if (out.length >= BATCH) await flush();
    if (options.progress) drawBar(records);
  }
  await flush();
  if (options.progress) {
    drawBar(records, true);
    clearBar();
  }
  if (damaged > REPORTED) {
    io.stderr(
      `routekit mrt: ${file}: ${damaged} damaged stretches in all (the first ${REPORTED} shown); ${records} records read\n`,
    );
  }
  if (ioError !== undefined) return ExitCode.Unreadable;
  return damaged > 0 ? ExitCode.Damaged : ExitCode.Ok;
}
