/**
 * RIP and RIPng registry values (IANA "Routing Information Protocol (RIP)" registry,
 * RFC 1058, RFC 2453, RFC 2080, RFC 4822).
 */

/** RIP commands (RFC 2453 §4; 3–5 are obsolete, RFC 1058 §3.2 says to ignore them). */
export const RipCommand = {
  Request: 1,
  Response: 2,
  TraceOn: 3,
  TraceOff: 4,
  Poll: 5,
  PollEntry: 6,
} as const;

/** Versions: RIPv1 (RFC 1058), RIPv2 (RFC 2453); RIPng is version 1 on its own port. */
export const RipVersion = { V1: 1, V2: 2 } as const;

/** RIPng's only version (RFC 2080 §2.1). */
export const RIPNG_VERSION = 1;

/** Address family identifiers that may appear in a RIP entry. */
export const RipAfi = {
  /** Whole-table request (RFC 2453 §3.9.1: one entry, AFI 0, metric 16). */
  Unspecified: 0,
  Ipv4: 2,
  /** Authentication entry and trailer (RFC 2453 §5.2, RFC 4822 §2.2). */
  Auth: 0xffff,
} as const;

/** Authentication types (RFC 2453 §5.2, RFC 4822 §2.2). */
export const RipAuthType = {
  /** The trailer carries type 1 after its 0xFFFF (RFC 4822 §2.2). */
  Trailer: 1,
  SimplePassword: 2,
  /** Keyed MD5 and HMAC-SHA share type 3; the key (by key id) names the algorithm. */
  Cryptographic: 3,
} as const;

/** UDP ports (RFC 2453 §3.1, RFC 2080 §2.1). */
export const RIP_PORT = 520;
export const RIPNG_PORT = 521;

/** Multicast groups (RFC 2453 §4.5, RFC 2080 §2.5.1). */
export const RIP_MULTICAST = '224.0.0.9';
export const RIPNG_MULTICAST = 'ff02::9';

/** Infinity (RFC 2453 §3.6). */
export const RIP_INFINITY = 16;

/** RIPng next-hop RTE marker (RFC 2080 §2.1.1). */
export const RIPNG_NEXT_HOP_METRIC = 0xff;

/** Sizes in bytes. */
export const RIP_HEADER_LENGTH = 4;
export const RIP_ENTRY_LENGTH = 20;
export const RIPNG_ENTRY_LENGTH = 20;
/** Trailer: 0xFFFF, 0x0001, then the digest (RFC 4822 §2.2). */
export const RIP_TRAILER_HEADER_LENGTH = 4;

/** At most 25 entries (authentication entry included) per RIP packet (RFC 2453 §4). */
export const RIP_MAX_ENTRIES = 25;

/** Digest lengths of the RFC 4822 algorithms. */
export const RIP_DIGEST_LENGTHS: readonly number[] = [16, 20, 32, 48, 64];
