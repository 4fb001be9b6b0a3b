/** Path types of RFC 2328 §11 plus the NSSA ones of RFC 3101. */
export type PathType = 'intra' | 'inter' | 'E1' | 'E2' | 'N1' | 'N2';

/**
 * A next hop: `address` is the neighbour's address (absent when the destination is
 * directly attached); `via` is the computing router's own interface address on the
 * outgoing link (absent when unknown, e.g. for its own stub networks).
 */
export interface NextHop {
  readonly address?: string;
  readonly via?: string;
}

/** One route SPF produced (plain data, JSON-safe). */
export interface SpfRoute {
  /** `a.b.c.d/len`. */
  readonly prefix: string;
  /** Total cost (type-1 cost for E2/N2: the distance to the ASBR or forwarding address). */
  readonly cost: number;
  /** The external type-2 metric, for E2/N2 only. */
  readonly type2Cost?: number;
  readonly pathType: PathType;
  /** Area (dotted) of intra- and inter-area routes and of N1/N2. */
  readonly area?: string;
  readonly nextHops: readonly NextHop[];
}

/** A router reached by SPF (RFC 2328 §11 router routing table; ABRs and ASBRs). */
export interface SpfRouter {
  readonly routerId: string;
  readonly area: string;
  readonly cost: number;
  readonly abr: boolean;
  readonly asbr: boolean;
  readonly nextHops: readonly NextHop[];
}

/** The result of {@link spf}. */
export interface SpfResult {
  readonly routerId: string;
  /** Routes sorted by prefix (address, then length). */
  readonly routes: readonly SpfRoute[];
  readonly routers: readonly SpfRouter[];
}

/** Internal next hop: gateway 0 = directly attached; via 0 = unknown. */
export interface Hop {
  readonly gateway: number;
  readonly via: number;
}
