import { type BgpTimers, familyOf } from './timers.js';

/** GoBGP 3 TOML configuration builder. */

export interface GobgpNeighborConfig {
  readonly address: string;
  readonly peerAs: number;
  /** Default: the unicast family of `address`. */
  readonly families?: readonly ('ipv4-unicast' | 'ipv6-unicast')[];
  readonly timers?: BgpTimers;
  readonly passive?: boolean;
  readonly localAddress?: string;
}

export interface GobgpConfig {
  readonly as: number;
  readonly routerId: string;
  /** Addresses to listen on (`local-address-list`, not `listen-addresses`). */
  readonly localAddresses?: readonly string[];
  readonly neighbors: readonly GobgpNeighborConfig[];
}

const q = (s: string): string => JSON.stringify(s);

/** `gobgpd.toml`. */
export function gobgpConfig(c: GobgpConfig): string {
  const lines = ['[global.config]', `  as = ${c.as}`, `  router-id = ${q(c.routerId)}`];
  if (c.localAddresses?.length) {
    lines.push(`  local-address-list = [${c.localAddresses.map(q).join(', ')}]`);
  }
  for (const n of c.neighbors) {
    lines.push('', '[[neighbors]]', '  [neighbors.config]');
    lines.push(`    neighbor-address = ${q(n.address)}`, `    peer-as = ${n.peerAs}`);
    if (n.timers) {
      lines.push('  [neighbors.timers.config]');
      lines.push(
        `    hold-time = ${n.timers.hold}`,
        `    keepalive-interval = ${n.timers.keepalive}`,
      );
      if (n.timers.connectRetry !== undefined) {
        lines.push(`    connect-retry = ${n.timers.connectRetry}`);
      }
    }
    if (n.passive || n.localAddress) {
      lines.push('  [neighbors.transport.config]');
      if (n.passive) lines.push('    passive-mode = true');
      if (n.localAddress) lines.push(`    local-address = ${q(n.localAddress)}`);
    }
    for (const f of n.families ?? [`${familyOf(n.address)}-unicast` as const]) {
      lines.push('  [[neighbors.afi-safis]]', '    [neighbors.afi-safis.config]');
      lines.push(`      afi-safi-name = ${q(f)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
