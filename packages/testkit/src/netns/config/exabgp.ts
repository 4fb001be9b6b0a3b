import { familyOf } from './timers.js';

/** ExaBGP 4 configuration builder. */

/** Name of the API process `ExaBgp.start` adds (reference it in `api { processes [...] }`). */
export const EXABGP_API_PROCESS = 'routekit-api';

export interface ExabgpRoute {
  readonly prefix: string;
  /** Default `self`. */
  readonly nextHop?: string;
  /** Extra attributes text, e.g. `community [65000:1] med 10`. */
  readonly attributes?: string;
}

export interface ExabgpNeighborConfig {
  readonly address: string;
  readonly routerId: string;
  readonly localAddress: string;
  readonly localAs: number;
  readonly peerAs: number;
  readonly holdTime?: number;
  /** Families to negotiate (default: the unicast family of `address` plus the routes'). */
  readonly families?: readonly ('ipv4 unicast' | 'ipv6 unicast')[];
  /** Routes announced as soon as the session is up. */
  readonly routes?: readonly ExabgpRoute[];
  /** Obey the harness API process (`ExaBgp.send`) — default true. */
  readonly api?: boolean;
  /** Extra API processes (names of `process` blocks given in `processes`). */
  readonly processes?: readonly string[];
}

export interface ExabgpProcess {
  readonly name: string;
  /** Command line (absolute path; ExaBGP splits it on spaces). */
  readonly run: string;
}

export interface ExabgpConfig {
  readonly neighbors: readonly ExabgpNeighborConfig[];
  /** Extra API processes, e.g. a health check that prints announce/withdraw lines. */
  readonly processes?: readonly ExabgpProcess[];
}

/** `exabgp.conf` (the harness's own API process block is added by `ExaBgp.start`). */
export function exabgpConfig(c: ExabgpConfig): string {
  const lines: string[] = [];
  for (const p of c.processes ?? []) {
    lines.push(`process ${p.name} {`, `  run ${p.run};`, '  encoder text;', '}', '');
  }
  for (const n of c.neighbors) {
    lines.push(`neighbor ${n.address} {`);
    lines.push(`  router-id ${n.routerId};`, `  local-address ${n.localAddress};`);
    lines.push(`  local-as ${n.localAs};`, `  peer-as ${n.peerAs};`);
    if (n.holdTime !== undefined) lines.push(`  hold-time ${n.holdTime};`);
    const families =
      n.families ??
      [...new Set([familyOf(n.address), ...(n.routes ?? []).map((r) => familyOf(r.prefix))])].map(
        (f) => `${f} unicast` as const,
      );
    lines.push('  family {', ...families.map((f) => `    ${f};`), '  }');
    const procs = [...((n.api ?? true) ? [EXABGP_API_PROCESS] : []), ...(n.processes ?? [])];
    if (procs.length > 0) lines.push(`  api { processes [ ${procs.join(', ')} ]; }`);
    if (n.routes?.length) {
      lines.push('  static {');
      for (const r of n.routes) {
        const attrs = r.attributes ? ` ${r.attributes}` : '';
        lines.push(`    route ${r.prefix} next-hop ${r.nextHop ?? 'self'}${attrs};`);
      }
      lines.push('  }');
    }
    lines.push('}', '');
  }
  return lines.join('\n');
}
