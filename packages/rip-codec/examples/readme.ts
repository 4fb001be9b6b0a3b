import { formatPrefix, ipv4, prefixOrThrow } from '@routekit/prefix';
import {
  decodeRipPacket,
  type RipPacketInput,
  ripRoutes,
  signRipPacket,
  verifyRipPacket,
} from '@routekit/rip-codec';
import { toHex } from '@routekit/wire';

// Announce the anycast /32 with metric 1, signed with HMAC-SHA-256 (RFC 4822)
const anycast = prefixOrThrow('192.0.2.53/32', { family: 4 });
const response: RipPacketInput = {
  command: 2,
  version: 2,
  unused: 0,
  entries: [
    {
      afi: 2,
      tag: 0,
      address: anycast.address,
      mask: ipv4(0xffffffff),
      nextHop: ipv4(0),
      metric: 1,
    },
  ],
};
const key = { id: 1, algorithm: 'hmac-sha256', secret: 'anycast' } as const;
const bytes = signRipPacket(response, key, { sequence: 7 });
console.log(`${bytes.length} bytes: ${toHex(bytes.subarray(0, 24), ' ')} …`);

// Decode and verify what a neighbour sent
const r = decodeRipPacket(bytes);
if (!r.ok) throw new Error(r.error.code);
console.log(JSON.stringify(verifyRipPacket(bytes, r.value, [key])));
for (const route of ripRoutes(r.value)) {
  console.log(`${formatPrefix(route.prefix)} metric ${route.metric}`);
}
console.log(JSON.stringify(verifyRipPacket(bytes, r.value, [{ ...key, secret: 'wrong' }])));

// A bad entry is an issue; the rest of the packet still decodes
const bad = decodeRipPacket(
  Uint8Array.from([
    2, 2, 0, 0, 0, 2, 0, 0, 192, 0, 2, 0, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 17,
  ]),
);
if (bad.ok)
  console.log(bad.value.issues.map((i) => `${i.code} at ${i.offset}: ${i.action}`).join());
