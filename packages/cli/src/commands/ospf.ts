import { parseArgs } from 'node:util';
import { type Analysis, analyze, type Capture } from '@routekit/capture';
import {
  ipv4FromString,
  ipv4ToString,
  LsaType,
  lsdbFromPackets,
  type NextHop,
  type PacketReplayStats,
  type PathType,
  type SpfResult,
  spfFromPackets,
} from '@routekit/ospf-lsa';
import { ExitCode, type ExitCodeValue, type Io, UsageError } from '../io.js';
import { jsonLine } from '../json.js';
import {
  damageWarning,
  exitAfterDamage,
  openCaptureBytes,
  readInput,
  UnreadableError,
} from '../load.js';

export const OSPF_HELP = `Usage: routekit ospf <subcommand> [options]

Subcommands:
  spf <file> --router <id>   the routes SPF computes for a router from the LSAs
                             flooded in a capture

Run \`routekit ospf spf --help\` for its options.
`;

export const OSPF_SPF_HELP = `Usage: routekit ospf spf [options] <file> --router <id>

Replay the OSPFv2 Link State Updates of a capture (pcap, pcapng, gzip) into a link-state
database (the newest instance of each LSA wins, as in RFC 2328 §13) and run SPF
(RFC 2328 §16: intra-area, inter-area, AS-external E1/E2 and NSSA N1/N2 routes) as the
router with that router id. OSPFv3 packets are counted but not used.

Output (--format table, the default), like \`show ip ospf route\`: the network routing
table (N intra-area, N IA inter-area), the router routing table (R: ABRs and ASBRs) and
the external routing table (N E1, N E2, N N1, N N2), each route with [cost] or, for E2
and N2, [cost/type-2 cost], and one line per next hop: "via <neighbour>, <own
interface address>", or "directly attached to <own interface address>".

--format json prints one JSON object on one line:
  routerId  the router SPF ran as
  routes    [{ prefix, cost, type2Cost?, pathType, area?, nextHops: [{ address?, via? }] }]
            sorted by prefix; pathType intra, inter, E1, E2, N1 or N2; type2Cost for
            E2 and N2 only; address is the neighbour (absent when directly attached),
            via the router's own interface address (absent when unknown)
  routers   [{ routerId, area, cost, abr, asbr, nextHops }]
  stats     { packets, decoded, lsas, installed }: OSPF packets in the capture, those
            that decoded as OSPFv2, LSAs in their Link State Updates, LSAs installed

Options:
  -r, --router <id>           router id, dotted quad (required)
  -f, --format <table|json>   output format (default table)
  -h, --help                  show this help

Exit codes: 0 ok, 1 usage (a missing or malformed --router, or a router id that
originated no router-LSA in the capture: the error lists those that did), 2 unreadable
input (a capture damaged part-way is used up to the damage, with a warning, exit 2).
`;

/** An OSPF IP payload of a capture and the capture interface (link) it was seen on. */
export interface OspfPacketOf {
  readonly payload: Uint8Array;
  readonly link: string;
}

/**
 * The OSPF packets of an analysed capture (IP protocol 89, the same messages
 * `routekit decode` lists), in capture order, each with the name of its capture
 * interface (pcapng `if_name`, else `if<N>`) as the link that link-scope LSAs belong to.
 */
export function ospfPackets(capture: Capture, analysis: Analysis): OspfPacketOf[] {
  const names = new Map(capture.interfaces.map((i) => [i.id, i.name ?? `if${i.id}`]));
  const out: OspfPacketOf[] = [];
  for (const m of analysis.messages) {
    if (m.protocol !== 'ospf' || m.framing !== undefined) continue;
    const interfaceId = capture.frames[m.frame - 1]?.interfaceId ?? 0;
    out.push({ payload: m.bytes, link: names.get(interfaceId) ?? `if${interfaceId}` });
  }
  return out;
}

/** Router ids (dotted, sorted numerically) that originated a router-LSA in `packets`. */
function routerIdsOf(packets: readonly OspfPacketOf[]): string[] {
  const { lsdb } = lsdbFromPackets(packets);
  const ids = new Set<number>();
  for (const area of lsdb.areas()) {
    for (const lsa of lsdb.areaLsas(area, 0)) {
      if (lsa.header.type === LsaType.Router) ids.add(lsa.header.advRouter >>> 0);
    }
  }
  return [...ids].sort((a, b) => a - b).map(ipv4ToString);
}

const PATH_CODE: Readonly<Record<PathType, string>> = {
  intra: 'N   ',
  inter: 'N IA',
  E1: 'N E1',
  E2: 'N E2',
  N1: 'N N1',
  N2: 'N N2',
};

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function byRouterId(a: { readonly routerId: string }, b: { readonly routerId: string }): number {
  return ipv4FromString(a.routerId) - ipv4FromString(b.routerId);
}

function hopLine(h: NextHop): string {
  if (h.address !== undefined) return `via ${h.address}${h.via === undefined ? '' : `, ${h.via}`}`;
  return h.via === undefined ? 'directly attached' : `directly attached to ${h.via}`;
}

/**
 * The SPF result as text in the layout of `show ip ospf route`: network, router and
 * external routing tables, one line per route or router and one per next hop.
 */
export function formatSpfTable(result: SpfResult & { readonly stats: PacketReplayStats }): string {
  const { routes, routers, stats } = result;
  const width = Math.max(18, ...routes.map((r) => r.prefix.length), 15) + 1;
  const indent = ' '.repeat(5 + width);
  const hops = (list: readonly NextHop[]): string =>
    list.map((h) => `${indent}${hopLine(h)}\n`).join('');
  const section = (title: string, rows: string[]): string =>
    `============ OSPF ${title} routing table ${'='.repeat(Math.max(3, 20 - title.length))}\n${
      rows.length === 0 ? '  (none)\n' : rows.join('')
    }\n`;

  const network = routes
    .filter((r) => r.pathType === 'intra' || r.pathType === 'inter')
    .map(
      (r) =>
        `${PATH_CODE[r.pathType]} ${r.prefix.padEnd(width)}[${r.cost}] area: ${r.area ?? '-'}\n${hops(r.nextHops)}`,
    );
  const router = [...routers].sort(byRouterId).map((r) => {
    const roles = [r.abr ? 'ABR' : undefined, r.asbr ? 'ASBR' : undefined].filter(Boolean);
    return `R    ${r.routerId.padEnd(width)}[${r.cost}] area: ${r.area}${roles.length > 0 ? `, ${roles.join(', ')}` : ''}\n${hops(r.nextHops)}`;
  });
  const external = routes
    .filter((r) => r.pathType !== 'intra' && r.pathType !== 'inter')
    .map((r) => {
      const cost = r.type2Cost === undefined ? `[${r.cost}]` : `[${r.cost}/${r.type2Cost}]`;
      const area = r.area === undefined ? '' : ` area: ${r.area}`;
      return `${PATH_CODE[r.pathType]} ${r.prefix.padEnd(width)}${cost}${area}\n${hops(r.nextHops)}`;
    });
  const head =
    `OSPF routes of router ${result.routerId}: ${count(routes.length, 'route')}, ${count(routers.length, 'router')}\n` +
    `LSDB from ${count(stats.packets, 'OSPF packet')} (${stats.decoded} OSPFv2): ${count(stats.lsas, 'LSA')}, ${stats.installed} installed\n\n`;
  return (
    head +
    section('network', network) +
    section('router', router) +
    section('external', external)
  ).replace(/\n\n$/, '\n');
}

/** `routekit ospf <subcommand>`. */
export async function ospfCommand(args: readonly string[], io: Io): Promise<ExitCodeValue> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') {
    io.stdout(OSPF_HELP);
    return ExitCode.Ok;
  }
  if (sub === undefined) throw new UsageError('ospf needs a subcommand: spf');
  if (sub === 'spf') return spfCommand(rest, io);
  throw new UsageError(`unknown ospf subcommand ${JSON.stringify(sub)}`);
}

/** `routekit ospf spf <file> --router <id>`. */
async function spfCommand(args: readonly string[], io: Io): Promise<ExitCodeValue> {
  const usage = (message: string): UsageError => new UsageError(message, 'ospf spf');
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    throw usage(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(OSPF_SPF_HELP);
    return ExitCode.Ok;
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw usage(`--format must be table or json, not ${format}`);
  }
  const [path, ...extra] = positionals;
  if (path === undefined) throw usage('spf needs a capture file');
  if (extra.length > 0) throw usage(`unexpected argument ${extra[0]}`);
  if (values.router === undefined) throw usage('--router <id> is required');
  let routerId: string;
  try {
    routerId = ipv4ToString(ipv4FromString(values.router));
  } catch {
    throw usage(`--router must be a router id like 1.1.1.1, not ${JSON.stringify(values.router)}`);
  }

  const capture = openCaptureBytes(path, await readInput(path, io));
  const packets = ospfPackets(capture, analyze(capture));
  const known = routerIdsOf(packets);
  const warning = damageWarning(path, capture);
  if (!known.includes(routerId)) {
    if (warning !== undefined) {
      io.stderr(warning);
      throw new UnreadableError(
        `router ${routerId} originated no router-LSA in the frames before the damage`,
      );
    }
    throw usage(
      known.length === 0
        ? `${path} holds no OSPFv2 router-LSA (${count(packets.length, 'OSPF packet')}), so no SPF for ${routerId}`
        : `router ${routerId} originated no router-LSA in ${path}; routers that did: ${known.join(', ')}`,
    );
  }
  const result = spfFromPackets(packets, routerId);
  io.stdout(format === 'json' ? jsonLine(result) : formatSpfTable(result));
  return exitAfterDamage(io, path, capture);
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      format: { type: 'string', short: 'f' },
      router: { type: 'string', short: 'r' },
    },
  });
}
