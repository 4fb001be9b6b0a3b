import { formatAddress } from '@routekit/prefix';
import {
  captureFrames,
  diffFields,
  formatMismatches,
  ipv4Of,
  loadVector,
  type OurFrame,
  requireTshark,
  runTshark,
  vectorPath,
} from '@routekit/testkit';
import { toHex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import {
  decodeRipngPacket,
  decodeRipPacket,
  encodeRipngPacket,
  encodeRipPacket,
  type RipngPacket,
  type RipPacket,
} from '../src/index.js';
import { ripCaptureFiles, ripPayloads } from './helpers.js';

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) {
    if (x === 0) break;
    s += String.fromCharCode(x);
  }
  return s;
}

/** Our decode in tshark's field names. */
function ripFields(p: RipPacket): OurFrame['fields'] {
  const nonAuth = p.entries;
  const v2 = p.version >= 2;
  const f: Record<string, (string | number)[] | string | number | Uint8Array> = {
    'rip.command': p.command,
    'rip.version': p.version,
    'rip.family': nonAuth.map((e) => e.afi),
    'rip.metric': nonAuth.map((e) => e.metric),
    'rip.ip': nonAuth.filter((e) => e.afi === 2).map((e) => formatAddress(e.address)),
  };
  if (v2) {
    f['rip.route_tag'] = nonAuth.map((e) => e.tag);
    f['rip.netmask'] = nonAuth.map((e) => formatAddress(e.mask));
    f['rip.next_hop'] = nonAuth.map((e) => formatAddress(e.nextHop));
  }
  const a = p.auth;
  if (a !== undefined) {
    f['rip.auth.type'] = a.kind === 'simple' ? 2 : a.kind === 'crypto' ? 3 : a.type;
    if (a.kind === 'simple') f['rip.auth.passwd'] = latin1(a.password);
    if (a.kind === 'crypto') {
      f['rip.digest_offset'] = a.packetLength;
      f['rip.key_id'] = a.keyId;
      f['rip.auth_data_len'] = a.authDataLength;
      f['rip.seq_num'] = a.sequence;
      // tshark 4.0 shows the first 16 bytes of the trailer's digest, whatever its length
      f['rip.authentication_data'] = a.digest.subarray(0, 16);
    }
  }
  return f;
}

function ripngFields(p: RipngPacket): OurFrame['fields'] {
  return {
    'ripng.cmd': p.command,
    'ripng.version': p.version,
    'ripng.rte.ipv6_prefix': p.entries.map((e) => formatAddress(e.address)),
    'ripng.rte.route_tag': p.entries.map((e) => e.tag),
    'ripng.rte.prefix_length': p.entries.map((e) => e.prefixLength),
    'ripng.rte.metric': p.entries.map((e) => e.metric),
  };
}

// rip_error_hexdump's only frame is an IP fragment with a 65535 UDP length: see below
const files = ripCaptureFiles().filter((f) => !f.includes('rip_error_hexdump'));

describe('RIP captures of ../shared/vectors/rip', () => {
  it('finds the seven captures', () => {
    expect(files).toHaveLength(6);
  });

  const totals = { packets: 0, entries: 0, reencoded: 0, tsharkFrames: 0 };

  for (const file of files) {
    it(`${file}: decodes, re-encodes byte-exact and agrees with tshark field by field`, async () => {
      requireTshark();
      const payloads = ripPayloads(file);
      const ours: OurFrame[] = [];
      for (const { frame, protocol, payload } of payloads) {
        const copy = payload.slice();
        if (protocol === 'rip') {
          const r = decodeRipPacket(payload);
          expect(r.ok, `${file} frame ${frame}: ${JSON.stringify(!r.ok && r.error)}`).toBe(true);
          if (!r.ok) continue;
          expect(r.value.issues).toEqual([]);
          expect(toHex(encodeRipPacket(r.value))).toBe(toHex(payload));
          ours.push({ frame, fields: ripFields(r.value) });
          totals.entries += r.value.entries.length;
        } else {
          const r = decodeRipngPacket(payload);
          expect(r.ok, `${file} frame ${frame}`).toBe(true);
          if (!r.ok) continue;
          expect(r.value.issues).toEqual([]);
          expect(toHex(encodeRipngPacket(r.value))).toBe(toHex(payload));
          ours.push({ frame, fields: ripngFields(r.value) });
          totals.entries += r.value.entries.length;
        }
        expect(payload).toEqual(copy); // decoders never write to their input
        totals.packets++;
        totals.reencoded++;
      }
      const protocolFilter = payloads.some((p) => p.protocol === 'ripng') ? 'ripng' : 'rip';
      const tshark = await runTshark(vectorPath(file), { filter: protocolFilter });
      totals.tsharkFrames += tshark.length;
      const mismatches = diffFields(tshark, ours, {
        fields:
          protocolFilter === 'rip'
            ? /^rip\.(?!unknown|zero_padding)/
            : /^ripng\.(cmd|version|rte\.)/,
      });
      expect(mismatches, formatMismatches(mismatches)).toEqual([]);
      expect(ours.length).toBeGreaterThan(0);
    });
  }

  it('counts what it checked', () => {
    // 6 + 12 + 10 (PacketLife) + 4 (ripv1v2) + 12 (ripv2_auth) + 20 (RIPng); the
    // malformed rip_error_hexdump frame is an IP fragment: see the next test.
    expect(totals.packets).toBe(64);
    expect(totals.reencoded).toBe(totals.packets);
    expect(totals.tsharkFrames).toBe(totals.packets);
    expect(totals.entries).toBe(123 + 930); // RIP + RIPng entries, as tshark counts them
  });

  it('rip_error_hexdump: the malformed request is a typed error, not a throw', () => {
    const [frame] = captureFrames(loadVector('rip/tcpdump/rip_error_hexdump.pcap'));
    const ip = ipv4Of(frame!);
    expect(ip?.protocol).toBe(17);
    // MF set and a UDP length of 65535: take what was captured after the UDP header
    const payload = ip!.payload.subarray(8);
    expect(payload.length).toBe(26);
    const r = decodeRipPacket(payload);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'bad-length',
        offset: 24,
        length: 2,
        detail: '2 bytes of entries is not a multiple of 20',
      },
    });
  });
});
