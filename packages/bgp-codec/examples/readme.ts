import {
  type BgpContext,
  decodeMessage,
  encodeMessage,
  formatCommunity,
  type UpdateMessage,
  updateAction,
  WellKnownCommunity,
} from '@routekit/bgp-codec';
import { formatPrefix, prefixOrThrow } from '@routekit/prefix';
import { toHex } from '@routekit/wire';

// The session negotiated 4-octet AS numbers (RFC 6793)
const session: BgpContext = { fourOctetAs: true, addPath: {}, extendedMessage: false };

// Announce the anycast /32 from AS 4200000000, not to be exported beyond the peer
const update: UpdateMessage = {
  kind: 'update',
  withdrawn: [],
  attributes: [
    { kind: 'origin', flags: 0x40, origin: 0 },
    { kind: 'as-path', flags: 0x40, segments: [{ type: 2, asns: [4_200_000_000] }] },
    { kind: 'next-hop', flags: 0x40, nextHop: 0xc0000201 },
    { kind: 'communities', flags: 0xc0, communities: [WellKnownCommunity.NoExport] },
  ],
  nlri: [{ prefix: prefixOrThrow('192.0.2.53/32') }],
  unparsedAttributes: new Uint8Array(0),
  issues: [],
};
const bytes = encodeMessage(update, session);
console.log(`${bytes.length} bytes: ${toHex(bytes.subarray(16, 28), ' ')} …`);

// Decode it back (decoders are total: { ok, value, bytesRead } or { ok: false, error })
const decoded = decodeMessage(bytes, session);
if (decoded.ok && decoded.value.kind === 'update') {
  for (const route of decoded.value.nlri) console.log(`announce ${formatPrefix(route.prefix)}`);
  for (const a of decoded.value.attributes) {
    if (a.kind === 'communities') console.log(a.communities.map(formatCommunity).join(' '));
  }
}

// RFC 7606: a malformed ORIGIN does not reset the session, it withdraws the routes
const bad = bytes.slice();
bad[26] = 7; // ORIGIN value 7
const result = decodeMessage(bad, session);
if (result.ok && result.value.kind === 'update') {
  const issue = result.value.issues[0];
  console.log(`${issue?.code} at ${issue?.offset}: ${updateAction(result.value)}`);
}

// A fatal error carries its offset; the caller sends the NOTIFICATION
const short = decodeMessage(bytes.subarray(0, 18), session);
if (!short.ok) console.log(`${short.error.code} at ${short.error.offset}`);
