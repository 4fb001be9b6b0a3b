import { parseArgs } from 'node:util';
import { analyze, flowName, type RoutingMessage } from '@routekit/capture';
import { type DecodeError, toHex } from '@routekit/wire';
import { BgpSessions } from '../bgp.js';
import { BUILTIN_DECODERS } from '../decoders.js';
import { ExitCode, type ExitCodeValue, type Io, UsageError } from '../io.js';
import { jsonLine } from '../json.js';
import { exitAfterDamage, openCaptureBytes, readInput, UnreadableError } from '../load.js';
import {
  DECODE_PROTOCOLS,
  type DecodeContext,
  type DecodeProtocol,
  decoderFor,
} from '../registry.js';
import { fieldTree, hexDump } from '../tree.js';

export const DECODE_HELP = `Usage: routekit decode [options] <file | hex>

Decode the routing-protocol messages of a capture file (pcap, pcapng, gzip), or one
message given as a hex string. BGP is found on TCP port 179 (messages cut from the
reassembled TCP stream), OSPF as IP protocol 89, RIP on UDP 520, RIPng on UDP 521.

Output (--format json, the default): one JSON object per line with
  frame     the frame that completed the message (null for hex input)
  firstFrame  the frame of its first byte, when the message spans frames
  flow      "tcp:0", "udp:3" (tshark's stream numbers), null for OSPF and hex input
  src, dst  addresses (and ports) of the packet
  protocol  "bgp", "ospf", "rip" or "ripng"
and one of
  message   the decoded message (when a codec is registered for the protocol)
  error     { code, offset, length?, detail? } for a malformed message (offset into
            the message; for stream-invalid, stream-incomplete and stream-gap,
            bytes of the TCP stream that do not frame: offset into the stream)
  payload   { length, hex } when no codec decodes the message

Built-in codecs: BGP (@routekit/bgp-codec), RIP and RIPng (@routekit/rip-codec),
OSPFv2 (@routekit/ospf-lsa). OSPFv3 packets are listed as payloads (no codec yet).

BGP messages are decoded in the context the session's two OPENs negotiated (4-octet
AS, ADD-PATH per family, extended messages), tracked per TCP stream; a stream whose
OPENs are not in the capture, and a hex message, are tried as 2-octet AS, 4-octet AS,
then with ADD-PATH (the first reading without RFC 7606 issues or repeated prefixes that
re-encodes to the same bytes wins). Prefixes and addresses are text, raw bytes hex, communities formatted.

--format tree prints an indented field tree per message instead.

Options:
  -f, --format <json|tree>     output format (default json)
  -p, --protocol <name>        protocol of a hex message: bgp, ospf, rip, ripng
                               (default: guessed from the bytes)
  -h, --help                   show this help

Exit codes: 0 ok, 1 usage, 2 unreadable input. A malformed message is printed as an
error object; it does not change the exit code.
`;

/** One output record. */
interface Line {
  readonly frame: number | null;
  readonly firstFrame?: number;
  readonly flow: string | null;
  readonly src?: string;
  readonly dst?: string;
  readonly protocol: DecodeProtocol;
  readonly message?: unknown;
  readonly error?: DecodeError;
  readonly payload?: { readonly length: number; readonly hex: string };
}

/** Hex text: pairs of hex digits, with optional `0x`, spaces, colons or dashes between. */
export function parseHexArgument(text: string): Uint8Array | undefined {
  const clean = text
    .trim()
    .replace(/^0x/i, '')
    .replace(/[\s:-]/g, '');
  if (clean.length === 0 || clean.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Guess the protocol of one message: BGP marker, OSPF header, RIP/RIPng header. */
export function guessProtocol(bytes: Uint8Array): DecodeProtocol | undefined {
  if (bytes.length >= 19 && bytes.subarray(0, 16).every((b) => b === 0xff)) return 'bgp';
  const [b0, b1, b2, b3] = bytes;
  if (b0 === undefined || b1 === undefined) return undefined;
  if ((b0 === 2 || b0 === 3) && b1 >= 1 && b1 <= 5 && b2 !== undefined && b3 !== undefined) {
    const length = (b2 << 8) | b3;
    if (length >= 16 && length <= bytes.length) return 'ospf';
  }
  if ((b0 === 1 || b0 === 2) && (b1 === 1 || b1 === 2)) return 'rip';
  return undefined;
}

function decodeOne(protocol: DecodeProtocol, bytes: Uint8Array, context: DecodeContext) {
  const decoder = decoderFor(protocol, bytes);
  if (decoder === undefined) return { payload: { length: bytes.length, hex: toHex(bytes) } };
  try {
    const result = decoder(bytes, context);
    return result.ok ? { message: result.value } : { error: result.error };
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { error: { code: 'internal-error', offset: 0, detail } satisfies DecodeError };
  }
}

function lineOf(m: RoutingMessage, sessions: BgpSessions): Line | undefined {
  if (m.protocol === 'bfd') return undefined;
  const ep = (address: string, port: number | undefined): string =>
    port === undefined
      ? address
      : address.includes(':')
        ? `[${address}]:${port}`
        : `${address}:${port}`;
  const from = m.flow === undefined ? undefined : m.direction === 1 ? m.flow.b : m.flow.a;
  const to = m.flow === undefined ? undefined : m.direction === 1 ? m.flow.a : m.flow.b;
  const base = {
    frame: m.frame,
    ...(m.firstFrame !== m.frame ? { firstFrame: m.firstFrame } : {}),
    flow: m.flow === undefined ? null : flowName(m.flow),
    src: ep(m.source, from?.port),
    dst: ep(m.destination, to?.port),
    protocol: m.protocol,
  };
  if (m.framing !== undefined) {
    const error: DecodeError = {
      code: `stream-${m.framing.kind}`,
      offset: m.streamOffset ?? 0,
      length: m.framing.length,
      detail: m.framing.detail,
    };
    return { ...base, error };
  }
  const ipVersion = m.source.includes(':') ? 6 : 4;
  if (m.protocol === 'bgp' && m.flow !== undefined && m.direction !== undefined) {
    // BGP: the context the stream's OPENs negotiated, then note this message (an OPEN).
    const stream = flowName(m.flow);
    const bgp = sessions.contextFor(stream, m.direction);
    const decoded = decodeOne(m.protocol, m.bytes, {
      frame: m.frame,
      ipVersion,
      ...(bgp !== undefined ? { bgp } : {}),
    });
    sessions.observe(stream, m.direction, m.bytes);
    return { ...base, ...decoded };
  }
  return { ...base, ...decodeOne(m.protocol, m.bytes, { frame: m.frame, ipVersion }) };
}

function treeOf(line: Line, bytes: Uint8Array | undefined): string {
  const where = [
    line.frame === null
      ? 'hex input'
      : `frame ${line.firstFrame !== undefined ? `${line.firstFrame}-` : ''}${line.frame}`,
    line.flow,
    line.src !== undefined ? `${line.src} → ${line.dst}` : undefined,
  ]
    .filter((x) => x !== undefined && x !== null)
    .join('  ');
  const head = `${line.protocol.toUpperCase()}  ${where}\n`;
  if (line.error !== undefined) return `${head}${fieldTree('error', line.error, 1)}\n\n`;
  if (line.message !== undefined) return `${head}${fieldTree('message', line.message, 1)}\n\n`;
  const dump = bytes === undefined ? [] : hexDump(bytes, 2);
  const why =
    BUILTIN_DECODERS[line.protocol] === undefined
      ? `no ${line.protocol} decoder registered`
      : `no decoder for ${line.protocol} version ${bytes?.[0] ?? '?'}`;
  return `${head}  payload: ${line.payload?.length ?? 0} bytes (${why})\n${dump.join('\n')}${dump.length > 0 ? '\n' : ''}\n`;
}

/** `routekit decode <file | hex>`. */
export async function decodeCommand(args: readonly string[], io: Io): Promise<ExitCodeValue> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(DECODE_HELP);
    return ExitCode.Ok;
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'tree') {
    throw new UsageError(`--format must be json or tree, not ${format}`);
  }
  const protocolOption = values.protocol;
  if (
    protocolOption !== undefined &&
    !(DECODE_PROTOCOLS as readonly string[]).includes(protocolOption)
  ) {
    throw new UsageError(
      `--protocol must be one of ${DECODE_PROTOCOLS.join(', ')}, not ${protocolOption}`,
    );
  }
  const [input, ...extra] = positionals;
  if (input === undefined) throw new UsageError('decode needs a file or a hex string');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  // Output in ~64 KiB batches (one write per batch), waiting for a slow pipe between them.
  let out = '';
  const emit = (line: Line, bytes: Uint8Array | undefined): void => {
    out += format === 'json' ? jsonLine(line) : treeOf(line, bytes);
  };
  const flush = async (): Promise<void> => {
    if (out.length === 0) return;
    io.stdout(out);
    out = '';
    if (io.drain !== undefined) await io.drain();
  };

  let fileBytes: Uint8Array | undefined;
  const hexBytes = parseHexArgument(input);
  try {
    fileBytes = await readInput(input, io);
  } catch (e) {
    if (!(e instanceof UnreadableError) || hexBytes === undefined) throw e;
  }
  if (fileBytes === undefined && hexBytes !== undefined) {
    const protocol = (protocolOption as DecodeProtocol | undefined) ?? guessProtocol(hexBytes);
    if (protocol === undefined) {
      throw new UsageError('cannot tell the protocol of this hex message; pass --protocol');
    }
    emit({ frame: null, flow: null, protocol, ...decodeOne(protocol, hexBytes, {}) }, hexBytes);
    await flush();
    return ExitCode.Ok;
  }
  const capture = openCaptureBytes(input, fileBytes ?? new Uint8Array(0));
  const analysis = analyze(capture);
  const sessions = new BgpSessions();
  for (const m of analysis.messages) {
    if (protocolOption !== undefined && m.protocol !== protocolOption) continue;
    const line = lineOf(m, sessions);
    if (line !== undefined) emit(line, m.bytes);
    if (out.length >= 1 << 16) await flush();
  }
  await flush();
  return exitAfterDamage(io, input, capture);
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      format: { type: 'string', short: 'f' },
      protocol: { type: 'string', short: 'p' },
    },
  });
}
