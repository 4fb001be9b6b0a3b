import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CryptoAlgorithm,
  computeDigest,
  decodePacket,
  encodePacket,
  simplePassword,
  validatePacket,
  verifyPacketDigest,
} from '../src/index.js';
import { ospfFrames } from './captures.js';
import { HELLO } from './vectors/packets.js';

const NODE_HASH: Record<Exclude<CryptoAlgorithm, 'md5'>, [string, number]> = {
  'hmac-sha1': ['sha1', 20],
  'hmac-sha256': ['sha256', 32],
  'hmac-sha384': ['sha384', 48],
  'hmac-sha512': ['sha512', 64],
};

/** RFC 2328 D.4.3 and RFC 5709 §3.3 written again with node:crypto, as an oracle. */
function oracleDigest(packet: Uint8Array, algorithm: CryptoAlgorithm, key: Uint8Array): Uint8Array {
  if (algorithm === 'md5') {
    const k = new Uint8Array(16);
    k.set(key.subarray(0, 16));
    return createHash('md5').update(packet).update(k).digest();
  }
  const [name, L] = NODE_HASH[algorithm];
  const ko = new Uint8Array(L);
  ko.set(key.length > L ? createHash(name).update(key).digest() : key);
  const apad = Buffer.alloc(L);
  for (let i = 0; i < L; i += 4) apad.writeUInt32BE(0x878fe1f3, i);
  return createHmac(name, ko).update(packet).update(apad).digest();
}

const hello = (() => {
  const r = decodePacket(HELLO);
  if (!r.ok) throw new Error('vector');
  return r.value;
})();

describe('authentication', () => {
  it('digests equal an independent node:crypto implementation, for every algorithm and key length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CryptoAlgorithm>(
          'md5',
          'hmac-sha1',
          'hmac-sha256',
          'hmac-sha384',
          'hmac-sha512',
        ),
        fc.uint8Array({ minLength: 1, maxLength: 160 }),
        fc.uint8Array({ minLength: 24, maxLength: 200 }),
        (algorithm, key, packet) => {
          expect(computeDigest(packet, { algorithm, key })).toEqual(
            new Uint8Array(oracleDigest(packet, algorithm, key)),
          );
        },
      ),
    );
  });

  it('a signed packet: checksum 0, key id / sequence exposed, digest after the packet', () => {
    const key = { algorithm: 'hmac-sha256', key: new TextEncoder().encode('anycast') } as const;
    const bytes = encodePacket(
      {
        header: hello.header,
        auth: {
          kind: 'cryptographic',
          reserved: 0,
          keyId: 7,
          dataLength: 0,
          sequence: 0x5a834112,
          digest: new Uint8Array(0),
        },
        body: hello.body,
      },
      { key },
    );
    expect(bytes.length).toBe(48 + 32);
    const r = decodePacket(bytes);
    if (!r.ok) throw new Error('decode');
    expect(r.value.header).toMatchObject({ length: 48, checksum: 0, authType: 2 });
    expect(r.value.auth).toMatchObject({
      kind: 'cryptographic',
      keyId: 7,
      dataLength: 32,
      sequence: 0x5a834112,
    });
    // The digest covers the packet with its crypto fields (D.4.3), not the trailer.
    expect(r.value.auth.kind === 'cryptographic' && r.value.auth.digest).toEqual(
      new Uint8Array(oracleDigest(bytes.subarray(0, 48), 'hmac-sha256', key.key)),
    );
    expect(validatePacket(r.value, { key })).toEqual([]);
    // Replay with another sequence number: the digest no longer verifies.
    const replay = bytes.slice();
    replay[23] = (replay[23] ?? 0) ^ 1;
    const rr = decodePacket(replay);
    expect(rr.ok && verifyPacketDigest(rr.value, key)).toBe(false);
  });

  it('simple password: the capture uses "cisco", checked by validatePacket', () => {
    const frames = ospfFrames('ospf/packetlife/ospf_simple_password_authentication.cap');
    expect(frames).toHaveLength(7);
    for (const f of frames) {
      const r = decodePacket(f.payload);
      if (!r.ok) throw new Error('decode');
      expect(r.value.auth).toEqual({ kind: 'simple', password: simplePassword('cisco') });
      expect(validatePacket(r.value, { password: simplePassword('cisco') })).toEqual([]);
      expect(
        validatePacket(r.value, { password: simplePassword('cisc0') }).map((i) => i.code),
      ).toEqual(['bad-auth']);
      // The packet checksum leaves the password out (D.4).
      expect(validatePacket(r.value).map((i) => i.code)).toEqual([]);
    }
  });
});
