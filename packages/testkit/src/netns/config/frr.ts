import { type BgpTimers, familyOf, type OspfTimers, type RipTimers } from './timers.js';

/**
 * FRR 8 configuration text builders. Every file starts with `frr defaults traditional`
 * (RFC timers unless told otherwise) and a hostname.
 */

export interface FrrBgpNeighborConfig {
  readonly address: string;
  readonly remoteAs: number;
  readonly timers?: BgpTimers;
  /** Never connect out, only accept. */
  readonly passive?: boolean;
  /** Families to activate (default: the family of `address`). */
  readonly families?: readonly ('ipv4' | 'ipv6')[];
  /** `advertisement-interval` (MRAI) in seconds; default 0 when `timers` are set. */
  readonly advertisementInterval?: number;
  readonly description?: string;
}

export interface FrrBgpConfig {
  readonly hostname: string;
  readonly asn: number;
  readonly routerId: string;
  readonly neighbors: readonly FrrBgpNeighborConfig[];
  /** Prefixes to originate with `network` (each must be in the RIB, e.g. on lo). */
  readonly networks?: readonly string[];
  /** `redistribute <x>` in every activated family. */
  readonly redistribute?: readonly string[];
  /** Extra lines inside `router bgp`. */
  readonly extra?: readonly string[];
}

function header(hostname: string): string[] {
  return ['frr defaults traditional', `hostname ${hostname}`, 'log timestamp precision 3', '!'];
}

/** `bgpd.conf`: one eBGP/iBGP speaker, no policy required, explicit address families. */
export function frrBgpConfig(c: FrrBgpConfig): string {
  const lines = header(c.hostname);
  lines.push(`router bgp ${c.asn}`, ` bgp router-id ${c.routerId}`);
  // FRR 8 sends and accepts nothing over eBGP without a policy unless this is off
  lines.push(' no bgp ebgp-requires-policy', ' no bgp default ipv4-unicast');
  for (const n of c.neighbors) {
    const a = n.address;
    lines.push(` neighbor ${a} remote-as ${n.remoteAs}`);
    if (n.description) lines.push(` neighbor ${a} description ${n.description}`);
    if (n.timers) {
      lines.push(` neighbor ${a} timers ${n.timers.keepalive} ${n.timers.hold}`);
      if (n.timers.connectRetry !== undefined) {
        lines.push(` neighbor ${a} timers connect ${n.timers.connectRetry}`);
      }
    }
    const mrai = n.advertisementInterval ?? (n.timers ? 0 : undefined);
    if (mrai !== undefined) lines.push(` neighbor ${a} advertisement-interval ${mrai}`);
    if (n.passive) lines.push(` neighbor ${a} passive`);
  }
  for (const c6 of c.extra ?? []) lines.push(` ${c6}`);
  for (const family of ['ipv4', 'ipv6'] as const) {
    const neighbors = c.neighbors.filter((n) =>
      (n.families ?? [familyOf(n.address)]).includes(family),
    );
    const networks = (c.networks ?? []).filter((p) => familyOf(p) === family);
    if (neighbors.length === 0 && networks.length === 0) continue;
    lines.push(' !', ` address-family ${family} unicast`);
    for (const p of networks) lines.push(`  network ${p}`);
    for (const r of c.redistribute ?? []) lines.push(`  redistribute ${r}`);
    for (const n of neighbors) lines.push(`  neighbor ${n.address} activate`);
    lines.push(' exit-address-family');
  }
  lines.push('!');
  return `${lines.join('\n')}\n`;
}

export interface FrrOspfInterfaceConfig {
  readonly name: string;
  /** `ip ospf network point-to-point` (no DR election, no wait timer). */
  readonly pointToPoint?: boolean;
  readonly timers?: OspfTimers;
  readonly cost?: number;
  readonly passive?: boolean;
}

export interface FrrOspfConfig {
  readonly hostname: string;
  readonly routerId: string;
  readonly interfaces: readonly FrrOspfInterfaceConfig[];
  /** `network <prefix> area <area>`; a lo /32 listed here becomes a stub link. */
  readonly networks: readonly { readonly prefix: string; readonly area?: number | string }[];
  readonly redistribute?: readonly string[];
  /**
   * No LSA origination/arrival throttling and a short SPF hold (`timers throttle lsa all
   * 0`, `timers lsa min-arrival 0`, `timers throttle spf 0 50 500`): without it FRR's
   * MinLSInterval (5 s) delays its router-LSA after each adjacency change.
   */
  readonly fastConvergence?: boolean;
  readonly extra?: readonly string[];
}

/** `ospfd.conf`: OSPFv2 with per-interface network type, timers and cost. */
export function frrOspfConfig(c: FrrOspfConfig): string {
  const lines = header(c.hostname);
  for (const i of c.interfaces) {
    lines.push(`interface ${i.name}`);
    if (i.pointToPoint) lines.push(' ip ospf network point-to-point');
    if (i.timers) {
      lines.push(` ip ospf hello-interval ${i.timers.hello}`);
      lines.push(` ip ospf dead-interval ${i.timers.dead}`);
      if (i.timers.retransmit !== undefined) {
        lines.push(` ip ospf retransmit-interval ${i.timers.retransmit}`);
      }
    }
    if (i.cost !== undefined) lines.push(` ip ospf cost ${i.cost}`);
    lines.push('!');
  }
  lines.push('router ospf', ` ospf router-id ${c.routerId}`);
  for (const n of c.networks) lines.push(` network ${n.prefix} area ${n.area ?? 0}`);
  for (const i of c.interfaces) if (i.passive) lines.push(` passive-interface ${i.name}`);
  for (const r of c.redistribute ?? []) lines.push(` redistribute ${r}`);
  if (c.fastConvergence) {
    lines.push(' timers throttle lsa all 0', ' timers lsa min-arrival 0');
    lines.push(' timers throttle spf 0 50 500');
  }
  for (const e of c.extra ?? []) lines.push(` ${e}`);
  lines.push('!');
  return `${lines.join('\n')}\n`;
}

export interface FrrRipConfig {
  readonly hostname: string;
  /** `network` statements: prefixes or interface names RIP runs on. */
  readonly networks: readonly string[];
  readonly timers?: RipTimers;
  /**
   * Connected prefixes to announce (e.g. the lo /32), through `redistribute connected`
   * with a prefix-list route-map, at `metric` (default 1).
   */
  readonly announce?: { readonly prefixes: readonly string[]; readonly metric?: number };
  readonly passiveInterfaces?: readonly string[];
  readonly extra?: readonly string[];
}

/** `ripd.conf`: RIPv2 with optional fast timers and a filtered connected redistribution. */
export function frrRipConfig(c: FrrRipConfig): string {
  const lines = header(c.hostname);
  if (c.announce) {
    c.announce.prefixes.forEach((p, i) => {
      lines.push(`ip prefix-list RK-RIP seq ${(i + 1) * 5} permit ${p}`);
    });
    lines.push('!', 'route-map RK-RIP permit 10', ' match ip address prefix-list RK-RIP');
    lines.push(` set metric ${c.announce.metric ?? 1}`, '!');
  }
  lines.push('router rip', ' version 2');
  if (c.timers) {
    lines.push(` timers basic ${c.timers.update} ${c.timers.timeout} ${c.timers.garbage}`);
  }
  for (const n of c.networks) lines.push(` network ${n}`);
  for (const p of c.passiveInterfaces ?? []) lines.push(` passive-interface ${p}`);
  if (c.announce) lines.push(' redistribute connected route-map RK-RIP');
  for (const e of c.extra ?? []) lines.push(` ${e}`);
  lines.push('!');
  return `${lines.join('\n')}\n`;
}

export interface FrrStaticRoute {
  readonly prefix: string;
  /** A gateway address, an interface name, or `blackhole`/`Null0`. */
  readonly via: string;
  readonly distance?: number;
}

/** `staticd.conf`: static routes. */
export function frrStaticConfig(hostname: string, routes: readonly FrrStaticRoute[]): string {
  const lines = header(hostname);
  for (const r of routes) {
    const ip = familyOf(r.prefix) === 'ipv6' ? 'ipv6' : 'ip';
    lines.push(
      `${ip} route ${r.prefix} ${r.via}${r.distance !== undefined ? ` ${r.distance}` : ''}`,
    );
  }
  lines.push('!');
  return `${lines.join('\n')}\n`;
}
