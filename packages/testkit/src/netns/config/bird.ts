import { type BgpTimers, familyOf, type OspfTimers, type RipTimers } from './timers.js';

/**
 * BIRD 2 configuration text builders. A config is `birdConfig({...})` with protocol
 * blocks from `birdBgp`, `birdOspf`, `birdRip` (or hand-written text).
 */

/** A channel filter: `all`, `none`, a `where …` expression, or `filter { … }`. */
export type BirdFilter = string;

/** `where net ~ [ p1, p2 ]`: accept exactly these prefixes. */
export function birdPrefixFilter(prefixes: readonly string[]): BirdFilter {
  if (prefixes.length === 0) return 'none';
  return `where net ~ [ ${prefixes.join(', ')} ]`;
}

export interface BirdChannelConfig {
  readonly import?: BirdFilter;
  readonly export?: BirdFilter;
}

export interface BirdConfig {
  readonly routerId: string;
  /** Log file (put it in the node dir so failures show its tail). */
  readonly logFile?: string;
  /** Interfaces whose addresses become routes via `protocol direct` (default `lo`); false: none. */
  readonly direct?: readonly string[] | false;
  /**
   * Which routes go to the kernel FIB, per family: a filter (default: routes from
   * BGP, OSPF and RIP — never BIRD's copies of direct routes).
   */
  readonly kernel?: { readonly ipv4?: BirdFilter | false; readonly ipv6?: BirdFilter | false };
  /** Protocol blocks (`birdBgp(...)`, `birdOspf(...)`, `birdRip(...)`, or text). */
  readonly protocols: readonly string[];
  /** `scan time` of `protocol device` (default 1 s: new interfaces seen quickly). */
  readonly scanTime?: number;
}

const LEARNED =
  'where source = RTS_BGP || source = RTS_OSPF || source = RTS_OSPF_IA || source = RTS_OSPF_EXT1 || source = RTS_OSPF_EXT2 || source = RTS_RIP';

/** A whole `bird.conf`. */
export function birdConfig(c: BirdConfig): string {
  const lines: string[] = [];
  if (c.logFile) lines.push(`log "${c.logFile}" all;`);
  lines.push(`router id ${c.routerId};`, '');
  lines.push(`protocol device { scan time ${c.scanTime ?? 1}; }`);
  const direct = c.direct ?? ['lo'];
  if (direct !== false && direct.length > 0) {
    const ifs = direct.map((i) => `"${i}"`).join(', ');
    lines.push(`protocol direct { ipv4; ipv6; interface ${ifs}; }`);
  }
  const k4 = c.kernel?.ipv4 ?? LEARNED;
  const k6 = c.kernel?.ipv6 ?? LEARNED;
  if (k4 !== false) lines.push(`protocol kernel kernel4 { ipv4 { export ${k4}; }; }`);
  if (k6 !== false) lines.push(`protocol kernel kernel6 { ipv6 { export ${k6}; }; }`);
  lines.push('', ...c.protocols);
  return `${lines.join('\n')}\n`;
}

function channel(family: 'ipv4' | 'ipv6', ch: BirdChannelConfig | undefined): string {
  return `  ${family} { import ${ch?.import ?? 'all'}; export ${ch?.export ?? 'none'}; };`;
}

export interface BirdBgpConfig {
  readonly name: string;
  readonly localAddress: string;
  readonly localAs: number;
  readonly neighbor: string;
  readonly neighborAs: number;
  readonly timers?: BgpTimers;
  readonly passive?: boolean;
  /** Channels; default: one channel of the neighbour address's family. */
  readonly ipv4?: BirdChannelConfig;
  readonly ipv6?: BirdChannelConfig;
}

/** A `protocol bgp` block. */
export function birdBgp(c: BirdBgpConfig): string {
  const lines = [
    `protocol bgp ${c.name} {`,
    `  local ${c.localAddress} as ${c.localAs};`,
    `  neighbor ${c.neighbor} as ${c.neighborAs};`,
  ];
  if (c.timers) {
    lines.push(`  hold time ${c.timers.hold};`, `  keepalive time ${c.timers.keepalive};`);
    if (c.timers.connectRetry !== undefined) {
      lines.push(`  connect retry time ${c.timers.connectRetry};`, '  connect delay time 1;');
    }
  }
  if (c.passive) lines.push('  passive on;');
  const fam = familyOf(c.neighbor);
  if (c.ipv4 || (!c.ipv6 && fam === 'ipv4')) lines.push(channel('ipv4', c.ipv4));
  if (c.ipv6 || (!c.ipv4 && fam === 'ipv6')) lines.push(channel('ipv6', c.ipv6));
  lines.push('}');
  return lines.join('\n');
}

export interface BirdOspfInterfaceConfig {
  readonly name: string;
  /** `ptp` (default) or `broadcast`. */
  readonly type?: 'ptp' | 'broadcast';
  readonly timers?: OspfTimers;
  readonly cost?: number;
}

export interface BirdOspfConfig {
  readonly name: string;
  readonly area?: number;
  readonly interfaces: readonly BirdOspfInterfaceConfig[];
  /**
   * Addresses on lo to advertise as stub networks, address-qualified
   * (`interface "lo" 192.0.2.53/32 { stub yes; }`) so 127.0.0.0/8 is not advertised.
   */
  readonly stubs?: readonly string[];
  readonly import?: BirdFilter;
  readonly export?: BirdFilter;
}

/** A `protocol ospf v2` block. */
export function birdOspf(c: BirdOspfConfig): string {
  const lines = [
    `protocol ospf v2 ${c.name} {`,
    `  ipv4 { import ${c.import ?? 'all'}; export ${c.export ?? 'none'}; };`,
    `  area ${c.area ?? 0} {`,
  ];
  for (const i of c.interfaces) {
    const opts = [`type ${i.type ?? 'ptp'};`];
    if (i.timers) {
      opts.push(`hello ${i.timers.hello};`, `dead ${i.timers.dead};`);
      if (i.timers.retransmit !== undefined) opts.push(`retransmit ${i.timers.retransmit};`);
    }
    if (i.cost !== undefined) opts.push(`cost ${i.cost};`);
    lines.push(`    interface "${i.name}" { ${opts.join(' ')} };`);
  }
  for (const s of c.stubs ?? []) lines.push(`    interface "lo" ${s} { stub yes; };`);
  lines.push('  };', '}');
  return lines.join('\n');
}

export interface BirdRipConfig {
  readonly name: string;
  readonly interfaces: readonly string[];
  readonly timers?: RipTimers;
  readonly import?: BirdFilter;
  /** Routes to announce (e.g. `birdPrefixFilter(['192.0.2.53/32'])`); default none. */
  readonly export?: BirdFilter;
}

/** A `protocol rip` (RIPv2) block. */
export function birdRip(c: BirdRipConfig): string {
  const t = c.timers;
  const opts = ['version 2;'];
  if (t)
    opts.push(
      `update time ${t.update};`,
      `timeout time ${t.timeout};`,
      `garbage time ${t.garbage};`,
    );
  const lines = [
    `protocol rip ${c.name} {`,
    `  ipv4 { import ${c.import ?? 'all'}; export ${c.export ?? 'none'}; };`,
    ...c.interfaces.map((i) => `  interface "${i}" { ${opts.join(' ')} };`),
    '}',
  ];
  return lines.join('\n');
}
