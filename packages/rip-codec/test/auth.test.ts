import { createHash, createHmac } from 'node:crypto';
import { ipv4 } from '@routekit/prefix';
import { toHex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import {
  computeRipDigest,
  decodeRipPacket,
  encodeRipPacket,
  type RipAuthAlgorithm,
  type RipPacketInput,
  signRipPacket,
  verifyRipPacket,
} from '../src/index.js';
import { ripPayloads } from './helpers.js';

const BY_LENGTH: Record<number, RipAuthAlgorithm> = {
  16: 'md5',
  20: 'hmac-sha1',
  32: 'hmac-sha256',
  48: 'hmac-sha384',
  64: 'hmac-sha512',
};

describe('tcpdump ripv2_auth.pcap (BIRD keys)', () => {
  const crypto = ripPayloads('rip/tcpdump/ripv2_auth.pcap').flatMap((p) => {
    const r = decodeRipPacket(p.payload);
    return r.ok && r.value.auth?.kind === 'crypto'
      ? [{ ...p, packet: r.value, auth: r.value.auth }]
      : [];
  });

  it('has ten cryptographic packets: keyed MD5 (both Auth Data Len values) and HMAC-SHA-1/256/384/512', () => {
    expect(crypto.map((c) => [c.auth.authDataLength, c.auth.digest.length])).toEqual([
      [16, 16],
      [16, 16],
      [20, 20],
      [20, 20],
      [32, 32],
      [32, 32],
      [48, 48],
      [48, 48],
      [64, 64],
      [64, 64],
    ]);
  });

  it('every digest verifies with the test-suite key, and fails with another', () => {
    for (const c of crypto) {
      const algorithm = BY_LENGTH[c.auth.digest.length]!;
      const secret = algorithm === 'md5' ? 'abcdefghijklmnop' : 'abcdefghijklmnopqrstuvwxyz';
      const good = verifyRipPacket(c.payload, c.packet, [{ id: 45, algorithm, secret }]);
      expect(good, `frame ${c.frame}`).toEqual({ ok: true, keyId: 45, sequence: c.auth.sequence });
      const bad = verifyRipPacket(c.payload, c.packet, [{ id: 45, algorithm, secret: 'wrong' }]);
      expect(bad).toEqual({ ok: false, reason: 'bad-digest' });
      const other = verifyRipPacket(c.payload, c.packet, [{ id: 7, algorithm, secret }]);
      expect(other).toEqual({ ok: false, reason: 'unknown-key' });
    }
  });

  it('signRipPacket rebuilds each captured packet byte for byte', () => {
    for (const c of crypto) {
      const algorithm = BY_LENGTH[c.auth.digest.length]!;
      const secret = algorithm === 'md5' ? 'abcdefghijklmnop' : 'abcdefghijklmnopqrstuvwxyz';
      const signed = signRipPacket(
        c.packet,
        { id: 45, algorithm, secret },
        {
          sequence: c.auth.sequence,
          authDataLength: c.auth.authDataLength,
        },
      );
      expect(toHex(signed)).toBe(toHex(c.payload));
    }
  });

  it('simple password packets verify', () => {
    for (const p of ripPayloads('rip/tcpdump/ripv2_auth.pcap').slice(0, 2)) {
      const r = decodeRipPacket(p.payload);
      if (!r.ok) throw new Error('decode');
      expect(
        verifyRipPacket(p.payload, r.value, [
          { id: 0, algorithm: 'simple', secret: 'abcdefghijklmnop' },
        ]),
      ).toEqual({ ok: true });
      expect(
        verifyRipPacket(p.payload, r.value, [{ id: 0, algorithm: 'simple', secret: 'nope' }]),
      ).toEqual({ ok: false, reason: 'bad-password' });
      expect(
        verifyRipPacket(p.payload, r.value, [{ id: 1, algorithm: 'md5', secret: 'x' }]),
      ).toEqual({ ok: false, reason: 'wrong-type' });
    }
  });
});

const response: RipPacketInput = {
  command: 2,
  version: 2,
  unused: 0,
  entries: [
    {
      afi: 2,
      tag: 0,
      address: ipv4(0xc0000235),
      mask: ipv4(0xffffffff),
      nextHop: ipv4(0),
      metric: 1,
    },
  ],
};

describe('sign and verify', () => {
  for (const algorithm of [
    'md5',
    'hmac-sha1',
    'hmac-sha256',
    'hmac-sha384',
    'hmac-sha512',
  ] as const) {
    it(`${algorithm}: signed packets decode, verify, and any flipped byte fails`, () => {
      const key = { id: 3, algorithm, secret: 'routekit' };
      const bytes = signRipPacket(response, key, { sequence: 42 });
      const r = decodeRipPacket(bytes);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.entries).toEqual(response.entries);
      expect(verifyRipPacket(bytes, r.value, [key])).toEqual({ ok: true, keyId: 3, sequence: 42 });
      for (let i = 0; i < bytes.length; i++) {
        const m = bytes.slice();
        m[i] = m[i]! ^ 0x01;
        const d = decodeRipPacket(m);
        if (!d.ok) continue;
        expect(verifyRipPacket(m, d.value, [key]).ok, `byte ${i}`).toBe(false);
      }
      expect(toHex(encodeRipPacket(r.value))).toBe(toHex(bytes));
    });
  }

  it('FRR auth-length old-ripd: Auth Data Len 20, the trailer still holds a 16-byte MD5', () => {
    const key = { id: 1, algorithm: 'md5' as const, secret: 'secret' };
    const bytes = signRipPacket(response, key, { authDataLength: 20, sequence: 9 });
    expect(bytes.length).toBe(4 + 20 + 20 + 4 + 16);
    expect(bytes[4 + 7]).toBe(20);
    const r = decodeRipPacket(bytes);
    if (!r.ok) throw new Error('decode');
    expect(verifyRipPacket(bytes, r.value, [key])).toEqual({ ok: true, keyId: 1, sequence: 9 });
  });

  it('keyed MD5 is MD5(packet ‖ 0xFFFF0001 ‖ key padded to 16)', () => {
    const signed = new Uint8Array([1, 2, 3, 4, 0xff, 0xff, 0, 1]);
    const digest = computeRipDigest('md5', 'k', signed);
    const input = new Uint8Array(8 + 16);
    input.set(signed);
    input[8] = 0x6b; // 'k', then 15 zero bytes
    expect(toHex(digest)).toBe(createHash('md5').update(input).digest('hex'));
  });

  it('HMAC-SHA-256 is HMAC(key, packet ‖ 0xFFFF0001 ‖ Apad) (RFC 4822 §2.5)', () => {
    const signed = new Uint8Array([2, 2, 0, 0, 0xff, 0xff, 0, 1]);
    const input = new Uint8Array(8 + 32);
    input.set(signed);
    for (let i = 0; i < 32; i++) input[8 + i] = [0x87, 0x8f, 0xe1, 0xf3][i % 4]!;
    expect(toHex(computeRipDigest('hmac-sha256', 'key', signed))).toBe(
      createHmac('sha256', 'key').update(input).digest('hex'),
    );
  });

  it('a packet without authentication is "missing"; unknown auth types are "wrong-type"', () => {
    const bytes = encodeRipPacket(response);
    const r = decodeRipPacket(bytes);
    if (!r.ok) throw new Error('decode');
    expect(verifyRipPacket(bytes, r.value, [])).toEqual({ ok: false, reason: 'missing' });
    const unknown = encodeRipPacket({
      ...response,
      auth: { kind: 'unknown', type: 9, data: new Uint8Array(16) },
    });
    const u = decodeRipPacket(unknown);
    if (!u.ok) throw new Error('decode');
    expect(
      verifyRipPacket(unknown, u.value, [{ id: 0, algorithm: 'simple', secret: 'x' }]),
    ).toEqual({ ok: false, reason: 'wrong-type' });
  });
});
