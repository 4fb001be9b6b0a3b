import { type Dissection, IpProtocol } from './dissect.js';

/** The routing protocols this package finds in captures. */
export type RoutingProtocol = 'bgp' | 'ospf' | 'rip' | 'ripng' | 'bfd';

/** Well-known ports and protocol numbers of the routing protocols. */
export const RoutingPort = {
  /** BGP over TCP (RFC 4271 §8.2.1). */
  Bgp: 179,
  /** RIPv1/v2 over UDP (RFC 2453 §3.1). */
  Rip: 520,
  /** RIPng over UDP (RFC 2080 §2.1). */
  Ripng: 521,
  /** BFD single-hop control (RFC 5881 §4). */
  BfdControl: 3784,
  /** BFD multihop control (RFC 5883 §5). */
  BfdMultihop: 4784,
} as const;

/**
 * Which routing protocol a dissected packet carries, by the usual identification:
 * BGP = TCP port 179; OSPF = IP protocol 89 (OSPFv2 over IPv4, OSPFv3 over IPv6);
 * RIP = UDP 520; RIPng = UDP 521; BFD = UDP 3784/4784. Either port counts.
 */
export function identifyProtocol(d: Dissection): RoutingProtocol | undefined {
  const t = d.transport;
  if (t === undefined) {
    return d.protocol === IpProtocol.Ospf && !d.fragment && d.payload !== undefined
      ? 'ospf'
      : undefined;
  }
  const has = (port: number): boolean => t.sourcePort === port || t.destinationPort === port;
  if (t.kind === 'tcp') return has(RoutingPort.Bgp) ? 'bgp' : undefined;
  if (has(RoutingPort.Rip)) return 'rip';
  if (has(RoutingPort.Ripng)) return 'ripng';
  if (has(RoutingPort.BfdControl) || has(RoutingPort.BfdMultihop)) return 'bfd';
  return undefined;
}
