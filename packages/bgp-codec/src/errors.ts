import type { DecodeError, WireErrorCode } from '@routekit/wire';

/**
 * NOTIFICATION error codes (RFC 4271 §4.5, RFC 4486, RFC 7313, RFC 8203/9003).
 */
export const NotificationCode = {
  MessageHeaderError: 1,
  OpenMessageError: 2,
  UpdateMessageError: 3,
  HoldTimerExpired: 4,
  FsmError: 5,
  Cease: 6,
  RouteRefreshMessageError: 7,
} as const;

/** Message Header Error subcodes (RFC 4271 §6.1). */
export const HeaderErrorSubcode = {
  ConnectionNotSynchronized: 1,
  BadMessageLength: 2,
  BadMessageType: 3,
} as const;

/** OPEN Message Error subcodes (RFC 4271 §6.2, RFC 5492, RFC 9234). */
export const OpenErrorSubcode = {
  Unspecific: 0,
  UnsupportedVersionNumber: 1,
  BadPeerAs: 2,
  BadBgpIdentifier: 3,
  UnsupportedOptionalParameter: 4,
  /** Deprecated (RFC 4271 §6.2: formerly Authentication Failure). */
  Deprecated5: 5,
  UnacceptableHoldTime: 6,
  UnsupportedCapability: 7,
  RoleMismatch: 11,
} as const;

/** UPDATE Message Error subcodes (RFC 4271 §6.3). */
export const UpdateErrorSubcode = {
  MalformedAttributeList: 1,
  UnrecognizedWellKnownAttribute: 2,
  MissingWellKnownAttribute: 3,
  AttributeFlagsError: 4,
  AttributeLengthError: 5,
  InvalidOriginAttribute: 6,
  /** Deprecated (formerly AS Routing Loop). */
  Deprecated7: 7,
  InvalidNextHopAttribute: 8,
  OptionalAttributeError: 9,
  InvalidNetworkField: 10,
  MalformedAsPath: 11,
} as const;

/** Finite State Machine Error subcodes (RFC 6608). */
export const FsmErrorSubcode = {
  Unspecified: 0,
  UnexpectedMessageInOpenSent: 1,
  UnexpectedMessageInOpenConfirm: 2,
  UnexpectedMessageInEstablished: 3,
} as const;

/** Cease subcodes (RFC 4486, RFC 8203/9003, RFC 9384). */
export const CeaseSubcode = {
  MaximumPrefixesReached: 1,
  AdministrativeShutdown: 2,
  PeerDeconfigured: 3,
  AdministrativeReset: 4,
  ConnectionRejected: 5,
  OtherConfigurationChange: 6,
  ConnectionCollisionResolution: 7,
  OutOfResources: 8,
  HardReset: 9,
  BfdDown: 10,
} as const;

/** ROUTE-REFRESH Message Error subcodes (RFC 7313 §5). */
export const RouteRefreshErrorSubcode = {
  InvalidMessageLength: 1,
} as const;

/** A NOTIFICATION (code, subcode) pair. */
export interface NotificationCodes {
  readonly code: number;
  readonly subcode: number;
}

/**
 * RFC 7606 §2 error-handling actions, from mildest to worst. When one UPDATE has several
 * problems the worst action wins ({@link worstAction}).
 */
export type BgpAction =
  | 'attribute-discard'
  | 'treat-as-withdraw'
  | 'afi-safi-disable'
  | 'session-reset';

/** Every {@link BgpAction}, mildest first: the index is the severity. */
export const BGP_ACTIONS: readonly BgpAction[] = [
  'attribute-discard',
  'treat-as-withdraw',
  'afi-safi-disable',
  'session-reset',
];

/** The more severe of two actions. */
export function worstAction(a: BgpAction, b: BgpAction): BgpAction {
  return BGP_ACTIONS.indexOf(a) >= BGP_ACTIONS.indexOf(b) ? a : b;
}

/**
 * Error codes of `@routekit/bgp-codec`, in addition to `@routekit/wire`'s.
 *
 * | code | NOTIFICATION | meaning |
 * |---|---|---|
 * | `bad-marker` | 1/1 | the 16-byte marker is not all ones |
 * | `bad-message-length` | 1/2 | header length outside 19..4096 (65535 with extended messages), or wrong for the type |
 * | `bad-message-type` | 1/3 | type not 1..5 |
 * | `unsupported-version` | 2/1 | OPEN version is not 4 |
 * | `bad-bgp-identifier` | 2/3 | BGP identifier 0 |
 * | `bad-optional-parameters` | 2/0 | optional parameters do not fit their length |
 * | `malformed-attribute-list` | 3/1 | UPDATE lengths inconsistent |
 * | `invalid-network-field` | 3/10 | a prefix in NLRI / withdrawn is malformed |
 * | `route-refresh-length` | 7/1 | ROUTE-REFRESH shorter than 23 bytes |
 */
export type BgpErrorCode =
  | 'bad-marker'
  | 'bad-message-length'
  | 'bad-message-type'
  | 'unsupported-version'
  | 'bad-bgp-identifier'
  | 'bad-optional-parameters'
  | 'malformed-attribute-list'
  | 'invalid-network-field'
  | 'route-refresh-length';

/** Every {@link BgpErrorCode}, for exhaustive tables and tests. */
export const BGP_ERROR_CODES: readonly BgpErrorCode[] = [
  'bad-marker',
  'bad-message-length',
  'bad-message-type',
  'unsupported-version',
  'bad-bgp-identifier',
  'bad-optional-parameters',
  'malformed-attribute-list',
  'invalid-network-field',
  'route-refresh-length',
];

/** A decode error of this package. */
export type BgpDecodeError = DecodeError<BgpErrorCode | WireErrorCode>;

/** What each {@link BgpErrorCode} means (the README's fatal error table is checked against it). */
export const ERROR_MEANING: Readonly<Record<BgpErrorCode, string>> = {
  'bad-marker': 'marker not all ones',
  'bad-message-length': 'length outside 19..4096 (65535), or wrong for the type',
  'bad-message-type': 'type not 1..5',
  'unsupported-version': 'OPEN version ≠ 4',
  'bad-bgp-identifier': 'BGP identifier 0',
  'bad-optional-parameters': 'optional parameters length does not match the message',
  'malformed-attribute-list': 'withdrawn / attribute length overruns the UPDATE',
  'invalid-network-field': 'IPv4 prefix in the UPDATE body: length > 32, or bytes missing',
  'route-refresh-length': 'ROUTE-REFRESH shorter than 23 bytes',
};

/** One row of {@link UPDATE_ISSUES}. */
export interface UpdateIssueRule {
  readonly code: string;
  /** The RFC 7606 action, or `by attribute` when `ATTRIBUTE_RULES` decides. */
  readonly action: string;
  readonly reference: string;
  readonly meaning: string;
}

/**
 * The codes of `update.issues` (recoverable UPDATE errors) and the RFC 7606 action each
 * calls for: the one table (the README's issue table is generated from it; a test checks).
 * `by attribute` means the malformed attribute's action in `ATTRIBUTE_RULES`.
 */
export const UPDATE_ISSUES: readonly UpdateIssueRule[] = [
  {
    code: 'attribute-flags',
    action: 'by attribute',
    reference: 'RFC 7606 §3.c',
    meaning: 'Optional / Transitive flags differ from the attribute type’s',
  },
  {
    code: 'length-out-of-range',
    action: 'by attribute',
    reference: 'RFC 7606 §7',
    meaning:
      'attribute length wrong for its type (e.g. ORIGIN ≠ 1, COMMUNITIES not a multiple of 4)',
  },
  {
    code: 'bad-value',
    action: 'by attribute',
    reference: 'RFC 7606 §7.1, §7.2',
    meaning: 'ORIGIN > 2; AS_PATH segment type not 1..4, or a zero-length segment',
  },
  {
    code: 'truncated',
    action:
      'by attribute; `treat-as-withdraw` for a cut attribute header (§4); `session-reset` when MP_(UN)REACH is too short for AFI/SAFI (§7.11)',
    reference: 'RFC 7606 §4, §7.11',
    meaning: 'a field inside the attribute runs past its end',
  },
  {
    code: 'limit-exceeded',
    action: 'by attribute',
    reference: 'hard caps',
    meaning: 'more segments / routes than the decoder accepts',
  },
  {
    code: 'attribute-length',
    action: 'treat-as-withdraw',
    reference: 'RFC 7606 §4',
    meaning: 'an attribute overruns the path attributes field (rest kept in `unparsedAttributes`)',
  },
  {
    code: 'unrecognized-well-known',
    action: 'session-reset',
    reference: 'RFC 4271 §6.3',
    meaning: 'unknown attribute without the Optional bit',
  },
  {
    code: 'duplicate-attribute',
    action: '`attribute-discard`; `session-reset` for MP_REACH / MP_UNREACH',
    reference: 'RFC 7606 §3.g',
    meaning: 'an attribute type repeated (all but the first discarded)',
  },
  {
    code: 'missing-well-known',
    action: 'treat-as-withdraw',
    reference: 'RFC 7606 §3.d',
    meaning: 'ORIGIN / AS_PATH missing with routes, NEXT_HOP missing with IPv4 NLRI',
  },
  {
    code: 'invalid-next-hop',
    action: 'treat-as-withdraw',
    reference: 'RFC 4271 §6.3, RFC 7606 §7.3',
    meaning: 'NEXT_HOP 0/8, 127/8, multicast or class E, with IPv4 NLRI',
  },
  {
    code: 'bad-next-hop-length',
    action: 'afi-safi-disable',
    reference: 'RFC 7606 §7.11',
    meaning: 'MP_REACH next hop length wrong for the AFI/SAFI',
  },
  {
    code: 'invalid-network-field',
    action: 'afi-safi-disable',
    reference: 'RFC 7606 §5.3, §7.11',
    meaning: 'malformed prefix, labelled or VPN route in MP_REACH / MP_UNREACH',
  },
  {
    code: 'as-zero',
    action:
      '`treat-as-withdraw` in AS_PATH; `attribute-discard` in AS4_PATH, AGGREGATOR, AS4_AGGREGATOR',
    reference: 'RFC 7607 §2',
    meaning: 'AS number 0',
  },
  {
    code: 'confed-segment',
    action: 'treat-as-withdraw',
    reference: 'RFC 7606 §7.2, RFC 5065 §5',
    meaning: 'AS_CONFED_* segment in AS_PATH from an external peer (`context.ebgp`)',
  },
  {
    code: 'local-pref-ebgp',
    action: 'attribute-discard',
    reference: 'RFC 7606 §7.5',
    meaning: 'LOCAL_PREF from an external peer (`context.ebgp`)',
  },
];

/** The NOTIFICATION a speaker sends for each {@link BgpErrorCode} (one table). */
export const ERROR_NOTIFICATION: Readonly<Record<BgpErrorCode, NotificationCodes>> = {
  'bad-marker': { code: 1, subcode: 1 },
  'bad-message-length': { code: 1, subcode: 2 },
  'bad-message-type': { code: 1, subcode: 3 },
  'unsupported-version': { code: 2, subcode: 1 },
  'bad-bgp-identifier': { code: 2, subcode: 3 },
  'bad-optional-parameters': { code: 2, subcode: 0 },
  'malformed-attribute-list': { code: 3, subcode: 1 },
  'invalid-network-field': { code: 3, subcode: 10 },
  'route-refresh-length': { code: 7, subcode: 1 },
};

/**
 * The NOTIFICATION for a decode error. Wire-level codes (`truncated`, ...) inside a
 * message whose header length was valid are structural errors of its body: they map to
 * the body's family (OPEN 2/0, UPDATE 3/1, others 1/2).
 */
export function notificationFor(error: BgpDecodeError, messageType?: number): NotificationCodes {
  const known = (ERROR_NOTIFICATION as Readonly<Record<string, NotificationCodes>>)[error.code];
  if (known !== undefined) return known;
  if (messageType === 1) return { code: 2, subcode: 0 };
  if (messageType === 2) return { code: 3, subcode: 1 };
  if (messageType === 5) return { code: 7, subcode: 1 };
  return { code: 1, subcode: 2 };
}
