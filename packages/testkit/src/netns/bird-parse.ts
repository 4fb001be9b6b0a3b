/**
 * Parsers for BIRD 2 `birdc` output (BIRD has no JSON output). Pure functions, unit
 * tested on real output.
 */

/** Route counts of a channel: "Routes: 1 imported, 1 exported, 0 preferred". */
export type BirdRouteCounts = Readonly<Record<string, number>>;

export interface BirdChannel {
  readonly name: string;
  readonly state?: string;
  readonly table?: string;
  readonly preference?: number;
  readonly inputFilter?: string;
  readonly outputFilter?: string;
  readonly routes: BirdRouteCounts;
  /** Every `Key: value` line of the channel. */
  readonly details: Readonly<Record<string, string>>;
}

/** One protocol of `show protocols all`. */
export interface BirdProtocol {
  readonly name: string;
  /** `BGP`, `OSPF`, `RIP`, `Kernel`, `Direct`, `Device`, `Static`… */
  readonly proto: string;
  readonly table: string;
  /** `up`, `down`, `start`… */
  readonly state: string;
  readonly since: string;
  /** The Info column: `Established`, `Running`, `Active`, `Passive`… */
  readonly info: string;
  /** For BGP: the "BGP state:" line (`Established`, `Active`, `Connect`…). */
  readonly bgpState?: string;
  /** Every `Key: value` line outside the channels (first occurrence wins). */
  readonly details: Readonly<Record<string, string>>;
  readonly channels: readonly BirdChannel[];
  /** The protocol's raw lines. */
  readonly lines: readonly string[];
}

function stripBanner(text: string): string[] {
  return text.split('\n').filter((l) => !/^BIRD \S+ ready\.$/.test(l.trim()));
}

const KV = /^\s*([^:]+?):\s*(.*?)\s*$/;

function parseCounts(s: string): BirdRouteCounts {
  const out: Record<string, number> = {};
  for (const m of s.matchAll(/(\d+)\s+([a-z]+)/g)) out[m[2]!] = Number(m[1]);
  return out;
}

function channelOf(name: string, lines: readonly string[]): BirdChannel {
  const details: Record<string, string> = {};
  for (const l of lines) {
    const m = KV.exec(l);
    if (m && !(m[1]! in details)) details[m[1]!] = m[2]!;
  }
  const pref = details['Preference'];
  return {
    name,
    ...(details['State'] !== undefined ? { state: details['State'] } : {}),
    ...(details['Table'] !== undefined ? { table: details['Table'] } : {}),
    ...(pref !== undefined && /^\d+$/.test(pref) ? { preference: Number(pref) } : {}),
    ...(details['Input filter'] !== undefined ? { inputFilter: details['Input filter'] } : {}),
    ...(details['Output filter'] !== undefined ? { outputFilter: details['Output filter'] } : {}),
    routes: parseCounts(details['Routes'] ?? ''),
    details,
  };
}

const PROTO_LINE = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d{4}-\d\d-\d\d[ T][\d:.]+|\S+)\s*(.*?)\s*$/;

/** Parse `birdc show protocols [all]`. */
export function parseBirdProtocols(text: string): BirdProtocol[] {
  const out: BirdProtocol[] = [];
  let head: RegExpExecArray | undefined;
  let body: string[] = [];
  const flush = (): void => {
    if (!head) return;
    const details: Record<string, string> = {};
    const channels: BirdChannel[] = [];
    let channel: { name: string; lines: string[] } | undefined;
    for (const l of body) {
      const ch = /^ {2}Channel (\S+)\s*$/.exec(l);
      if (ch) {
        if (channel) channels.push(channelOf(channel.name, channel.lines));
        channel = { name: ch[1]!, lines: [] };
        continue;
      }
      if (channel && /^ {4}/.test(l)) {
        channel.lines.push(l);
        continue;
      }
      if (channel) {
        channels.push(channelOf(channel.name, channel.lines));
        channel = undefined;
      }
      const m = KV.exec(l);
      if (m && !(m[1]! in details)) details[m[1]!] = m[2]!;
    }
    if (channel) channels.push(channelOf(channel.name, channel.lines));
    const bgpState = details['BGP state'];
    out.push({
      name: head[1]!,
      proto: head[2]!,
      table: head[3]!,
      state: head[4]!,
      since: head[5]!,
      info: head[6] ?? '',
      ...(bgpState !== undefined ? { bgpState } : {}),
      details,
      channels,
      lines: body,
    });
    head = undefined;
    body = [];
  };
  for (const line of stripBanner(text)) {
    if (/^Name\s+Proto\s+Table\s+State/.test(line)) continue;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (!/^\s/.test(line)) {
      flush();
      head = PROTO_LINE.exec(line) ?? undefined;
      continue;
    }
    if (head) body.push(line);
  }
  flush();
  return out;
}

export interface BirdNextHop {
  readonly via?: string;
  readonly iface?: string;
  readonly weight?: number;
}

/** One route of `show route all`. */
export interface BirdRoute {
  readonly table: string;
  readonly prefix: string;
  /** `unicast`, `blackhole`, `unreachable`… */
  readonly kind: string;
  readonly protocol: string;
  readonly since: string;
  /** The route BIRD selected for the prefix (`*`). */
  readonly primary: boolean;
  readonly preference?: number;
  /** The protocol metric in `(pref/metric)`, when shown. */
  readonly metric?: number;
  /** The rest of the route line (`[AS65001i]`, `I (150/10) [10.0.0.2]`). */
  readonly info: string;
  readonly nextHops: readonly BirdNextHop[];
  /** `Type: BGP univ` → `BGP univ`. */
  readonly type?: string;
  /** Route attributes: `BGP.as_path` → `65001`, `OSPF.metric1` → `10`, … */
  readonly attributes: Readonly<Record<string, string>>;
}

const ROUTE_LINE = /^(\S+)?\s+(\w+)\s+\[(\S+)\s+([^\]]*)\]\s*(\*)?\s*(.*?)\s*$/;

/** Parse `birdc show route [all]`. */
export function parseBirdRoutes(text: string): BirdRoute[] {
  const out: {
    table: string;
    prefix: string;
    kind: string;
    protocol: string;
    since: string;
    primary: boolean;
    preference?: number;
    metric?: number;
    info: string;
    nextHops: BirdNextHop[];
    type?: string;
    attributes: Record<string, string>;
  }[] = [];
  let table = '';
  let prefix = '';
  for (const line of stripBanner(text)) {
    const t = /^Table (\S+):\s*$/.exec(line);
    if (t) {
      table = t[1]!;
      continue;
    }
    if (line.trim() === '') continue;
    const cur = out[out.length - 1];
    if (line.startsWith('\t')) {
      if (!cur) continue;
      const body = line.trim();
      const hop = /^via (\S+)(?: on (\S+))?(?: weight (\d+))?/.exec(body);
      const dev = /^dev (\S+)/.exec(body);
      if (hop) {
        cur.nextHops.push({
          via: hop[1]!,
          ...(hop[2] ? { iface: hop[2] } : {}),
          ...(hop[3] ? { weight: Number(hop[3]) } : {}),
        });
      } else if (dev) cur.nextHops.push({ iface: dev[1]! });
      else {
        const kv = KV.exec(body);
        if (kv) {
          if (kv[1] === 'Type') cur.type = kv[2]!;
          else cur.attributes[kv[1]!] = kv[2]!;
        }
      }
      continue;
    }
    const m = ROUTE_LINE.exec(line);
    if (!m) continue;
    if (m[1]) prefix = m[1];
    const rest = m[6] ?? '';
    const pm = /\((\d+)(?:\/(\d+))?\)/.exec(rest);
    out.push({
      table,
      prefix,
      kind: m[2]!,
      protocol: m[3]!,
      since: m[4]!.trim(),
      primary: m[5] === '*',
      ...(pm ? { preference: Number(pm[1]) } : {}),
      ...(pm?.[2] !== undefined ? { metric: Number(pm[2]) } : {}),
      info: rest,
      nextHops: [],
      attributes: {},
    });
  }
  return out;
}

/** One row of `show ospf neighbors`. */
export interface BirdOspfNeighbor {
  readonly protocol: string;
  readonly routerId: string;
  readonly priority: number;
  /** `Full/PtP`, `Full/DR`, `2-Way/Other`, `Init/PtP`… */
  readonly state: string;
  readonly deadTime: string;
  readonly iface: string;
  readonly routerIp: string;
}

/** Parse `birdc show ospf neighbors`. */
export function parseBirdOspfNeighbors(text: string): BirdOspfNeighbor[] {
  const out: BirdOspfNeighbor[] = [];
  let protocol = '';
  for (const line of stripBanner(text)) {
    const p = /^(\S+):\s*$/.exec(line);
    if (p) {
      protocol = p[1]!;
      continue;
    }
    if (/^Router ID\s/.test(line)) continue;
    const f = line.trim().split(/\s+/);
    if (f.length >= 6 && /^\d+\.\d+\.\d+\.\d+$/.test(f[0]!)) {
      out.push({
        protocol,
        routerId: f[0]!,
        priority: Number(f[1]),
        state: f[2]!,
        deadTime: f[3]!,
        iface: f[4]!,
        routerIp: f[5]!,
      });
    }
  }
  return out;
}
