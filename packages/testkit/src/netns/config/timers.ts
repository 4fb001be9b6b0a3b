/** BGP timers in seconds. */
export interface BgpTimers {
  readonly keepalive: number;
  readonly hold: number;
  /** ConnectRetry (FRR `timers connect`, BIRD `connect retry time`, GoBGP `connect-retry`). */
  readonly connectRetry?: number;
}

/** Keepalive 1 s / hold 3 s / connect-retry 2 s: sessions up in ~1 s, failures seen in 3 s. */
export const FAST_BGP_TIMERS: BgpTimers = { keepalive: 1, hold: 3, connectRetry: 2 };

/** OSPF interface timers in seconds. */
export interface OspfTimers {
  readonly hello: number;
  readonly dead: number;
  /** LSA retransmission interval (default 5 s in FRR and BIRD). */
  readonly retransmit?: number;
}

/**
 * Hello 1 s / dead 4 s / retransmit 2 s (BIRD's minimum): with point-to-point links, Full in ~1 s, and an
 * LSA the neighbour dropped (MinLSArrival) is resent after 2 s instead of 5.
 */
export const FAST_OSPF_TIMERS: OspfTimers = { hello: 1, dead: 4, retransmit: 2 };

/** RIP update / timeout / garbage-collection timers in seconds. */
export interface RipTimers {
  readonly update: number;
  readonly timeout: number;
  readonly garbage: number;
}

/** 5 / 15 / 10 s (RFC defaults are 30 / 180 / 120). */
export const FAST_RIP_TIMERS: RipTimers = { update: 5, timeout: 15, garbage: 10 };

/** The address family of an address or prefix. */
export function familyOf(addressOrPrefix: string): 'ipv4' | 'ipv6' {
  return addressOrPrefix.includes(':') ? 'ipv6' : 'ipv4';
}
