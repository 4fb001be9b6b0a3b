import { parseArgs } from 'node:util';
import {
  type Analysis,
  analyze,
  type Capture,
  type Dissection,
  type Flow,
  flowLabel,
  flowName,
  formatAddress,
  identifyProtocol,
} from '@routekit/capture';
import { ExitCode, type ExitCodeValue, type Io, UsageError } from '../io.js';
import { exitAfterDamage, openCaptureBytes, readInput } from '../load.js';

export const CAPTURE_HELP = `Usage: routekit capture [options] <file>

Summarise a capture file (pcap, pcapng, gzip-compressed; the format is found by its
magic number): format, link types, frame count, time span, then one line per frame
and the UDP/TCP conversations with packet and byte counts, like
\`tshark -r FILE\` followed by \`tshark -q -z conv,tcp -z conv,udp\`.

Options:
  -q, --quiet   leave out the per-frame lines
  -h, --help    show this help

Exit codes: 0 ok, 1 usage, 2 unreadable input (a file damaged after its first
frames is summarised up to the damage, with a warning, and exits 2).
`;

function seconds(ns: bigint): string {
  const negative = ns < 0n;
  const abs = negative ? -ns : ns;
  const s = abs / 1_000_000_000n;
  const frac = (abs % 1_000_000_000n).toString().padStart(9, '0').slice(0, 6);
  return `${negative ? '-' : ''}${s}.${frac}`;
}

function isoTime(ns: bigint): string {
  const ms = ns / 1_000_000n;
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime())) return `${seconds(ns)} s`;
  const nanos = (ns % 1_000_000_000n).toString().padStart(9, '0');
  return `${date.toISOString().slice(0, 19)}.${nanos}Z`;
}

/** What a frame carries, in a word: bgp, ospf, rip, ripng, bfd, tcp, udp, ip, … */
function frameProtocol(d: Dissection): string {
  if (d.error?.code === 'unsupported-link-type') return d.frame.linkType.toString();
  const routing = identifyProtocol(d);
  if (routing !== undefined) return routing;
  if (d.fragment) return 'ip-fragment';
  if (d.transport !== undefined) return d.transport.kind;
  const ip = d.ip[d.ip.length - 1];
  if (ip !== undefined) return `${ip.kind} proto ${d.protocol ?? '?'}`;
  if (d.link !== undefined) return `ethertype 0x${d.link.etherType.toString(16).padStart(4, '0')}`;
  return 'unknown';
}

function frameLine(d: Dissection, start: bigint): string {
  const ip = d.ip[d.ip.length - 1];
  const t = d.transport;
  const ep = (address: string, port: number | undefined): string =>
    port === undefined
      ? address
      : address.includes(':')
        ? `[${address}]:${port}`
        : `${address}:${port}`;
  const route =
    ip === undefined
      ? ''
      : `${ep(formatAddress(ip.source), t?.sourcePort)} → ${ep(formatAddress(ip.destination), t?.destinationPort)}`;
  const problem =
    d.error === undefined
      ? ''
      : `  [${d.error.code}${d.error.detail ? `: ${d.error.detail}` : ''}]`;
  return `${String(d.frame.number).padStart(6)} ${seconds(d.frame.timestamp - start).padStart(12)}  ${route.padEnd(48)} ${frameProtocol(d).padEnd(12)} ${d.frame.originalLength}${problem}\n`;
}

function flowLines(flows: readonly Flow[], start: bigint): string {
  if (flows.length === 0) return '';
  const header = `  ${'flow'.padEnd(8)} ${'a → b'.padEnd(56)} ${'a→b frames'.padStart(10)} ${'bytes'.padStart(10)} ${'b→a frames'.padStart(10)} ${'bytes'.padStart(10)} ${'start'.padStart(12)} ${'duration'.padStart(12)}\n`;
  return (
    header +
    flows
      .map(
        (f) =>
          `  ${flowName(f).padEnd(8)} ${flowLabel(f).padEnd(56)} ${String(f.framesAToB).padStart(10)} ${String(f.bytesAToB).padStart(10)} ${String(f.framesBToA).padStart(10)} ${String(f.bytesBToA).padStart(10)} ${seconds(f.start - start).padStart(12)} ${seconds(f.end - f.start).padStart(12)}\n`,
      )
      .join('')
  );
}

/** The summary text of an analysed capture. */
export function summary(
  path: string,
  capture: Capture,
  analysis: Analysis,
  quiet: boolean,
): string {
  const frames = capture.frames;
  const first = frames[0]?.timestamp ?? 0n;
  const last = frames[frames.length - 1]?.timestamp ?? 0n;
  const links = new Map<string, number>();
  for (const i of capture.interfaces) {
    links.set(
      `${i.linkTypeName} (${i.linkType})`,
      (links.get(`${i.linkTypeName} (${i.linkType})`) ?? 0) + 1,
    );
  }
  const counts = new Map<string, number>();
  for (const m of analysis.messages) {
    if (m.framing === undefined) counts.set(m.protocol, (counts.get(m.protocol) ?? 0) + 1);
  }
  const tcp = analysis.flows.filter((f) => f.transport === 'tcp');
  const udp = analysis.flows.filter((f) => f.transport === 'udp');
  let out = '';
  out += `File:        ${path}\n`;
  out += `Format:      ${capture.format} ${capture.version}, ${capture.byteOrder}${capture.compressed ? ', gzip-compressed' : ''}${capture.sections > 1 ? `, ${capture.sections} sections` : ''}\n`;
  out += `Link types:  ${[...links.keys()].join(', ') || '(none)'}\n`;
  out += `Frames:      ${frames.length}\n`;
  if (frames.length > 0) {
    out += `Time span:   ${isoTime(first)} → ${isoTime(last)} (${seconds(last - first)} s)\n`;
  }
  out += `Messages:    ${[...counts].map(([p, n]) => `${p} ${n}`).join(', ') || '(no routing-protocol messages)'}\n`;
  out += `Flows:       ${tcp.length} TCP, ${udp.length} UDP\n`;
  if (!quiet && frames.length > 0) {
    out += '\nFrames:\n';
    for (const d of analysis.dissections) out += frameLine(d, first);
  }
  if (tcp.length > 0) out += `\nTCP conversations:\n${flowLines(tcp, first)}`;
  if (udp.length > 0) out += `\nUDP conversations:\n${flowLines(udp, first)}`;
  return out;
}

/** `routekit capture <file>`. */
export async function captureCommand(args: readonly string[], io: Io): Promise<ExitCodeValue> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (parsed.values.help) {
    io.stdout(CAPTURE_HELP);
    return ExitCode.Ok;
  }
  const [path, ...extra] = parsed.positionals;
  if (path === undefined) throw new UsageError('capture needs a file');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  const capture = openCaptureBytes(path, await readInput(path, io));
  const analysis = analyze(capture);
  io.stdout(summary(path, capture, analysis, parsed.values.quiet === true));
  return exitAfterDamage(io, path, capture);
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
}
