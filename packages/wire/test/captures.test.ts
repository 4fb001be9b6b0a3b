// Checksums of real packets from the third-party captures in shared/vectors (read with
// testkit's loader, which checks their SHA-256; no capture bytes live in this repo).
//
// Known anomalies are listed with the oracle that confirms them (tcpdump's expected
// output or TShark), and our computation must agree with that oracle.
import { captureFrames, findVectors, ipv4Of, loadVector, type TestFrame } from '@routekit/testkit';
import { describe, expect, test } from 'vitest';
import {
  fletcherChecksum,
  internetChecksum,
  OSPF_LSA_CHECKSUM_OFFSET,
  onesComplementSum,
  setFletcherChecksum,
  transportChecksum,
  verifyFletcher,
} from '../src/index.js';
import { type CapturedLsa, ipv6In, lsasOfUpdate } from './support/packets.js';

const captures = (family: string): string[] =>
  findVectors(new RegExp(`^${family}/.*\\.(pcap|pcapng|cap)$`));

interface Located {
  readonly file: string;
  readonly frame: number;
}
const where = (l: Located): string => `${l.file} #${l.frame}`;

function framesOf(file: string): TestFrame[] {
  return captureFrames(loadVector(file));
}

/** Copy with two bytes zeroed (a checksum field), to recompute the checksum. */
function zeroed(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy.fill(0, at, at + 2);
  return copy;
}

const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;

// ---------------------------------------------------------------------------------
// Collect (parse only; verification happens in the tests)
// ---------------------------------------------------------------------------------

interface Ipv4Header extends Located {
  readonly header: Uint8Array;
}
interface Ospf extends Located {
  readonly version: 2 | 3;
  /** The OSPF packet cut to its length field (LLS data and trailers excluded). */
  readonly packet: Uint8Array;
  /** IPv6 addresses for the OSPFv3 pseudo-header. */
  readonly src?: Uint8Array;
  readonly dst?: Uint8Array;
  /** Whatever followed the OSPF packet in the IP payload (LLS, auth trailer). */
  readonly trailer: Uint8Array;
}
interface Lsa extends Located, CapturedLsa {
  readonly version: 2 | 3;
}
interface Transport extends Located {
  readonly src: Uint8Array;
  readonly dst: Uint8Array;
  readonly protocol: number;
  readonly segment: Uint8Array;
}

interface Collected {
  files: number;
  ipv4: Ipv4Header[];
  ospf: Ospf[];
  lsas: Lsa[];
  udp: Transport[];
  tcp: Transport[];
  /** Frames with an OSPF LS Update we could not walk (fuzzed/truncated files). */
  malformedUpdates: Located[];
}

function collect(files: readonly string[]): Collected {
  const out: Collected = {
    files: files.length,
    ipv4: [],
    ospf: [],
    lsas: [],
    udp: [],
    tcp: [],
    malformedUpdates: [],
  };
  for (const file of files) {
    for (const frame of framesOf(file)) {
      const at: Located = { file, frame: frame.number };
      let protocol: number;
      let payload: Uint8Array;
      let src: Uint8Array;
      let dst: Uint8Array;
      let fragment = false;
      const v4 = ipv4Of(frame);
      if (v4) {
        out.ipv4.push({ ...at, header: v4.header });
        protocol = v4.protocol;
        payload = v4.payload;
        src = v4.header.subarray(12, 16);
        dst = v4.header.subarray(16, 20);
        fragment = (v4.header[6]! & 0x20) !== 0; // more fragments: payload incomplete
      } else {
        const v6 = ipv6In(frame);
        if (!v6) continue;
        ({ protocol, payload, src, dst } = v6);
      }
      if (fragment) continue;
      if (protocol === 89 && payload.length >= 16) {
        const version = payload[0];
        const length = u16(payload, 2);
        if ((version !== 2 && version !== 3) || length > payload.length || length < 16) continue;
        const packet = payload.subarray(0, length);
        const ospf: Ospf = {
          ...at,
          version,
          packet,
          trailer: payload.subarray(length),
          ...(v4 ? {} : { src, dst }),
        };
        out.ospf.push(ospf);
        if (packet[1] === 4) {
          const lsas = lsasOfUpdate(packet, version);
          if (lsas.ok) for (const l of lsas.value) out.lsas.push({ ...at, version, ...l });
          else out.malformedUpdates.push(at);
        }
      } else if (protocol === 17 && payload.length >= 8) {
        const length = u16(payload, 4);
        if (length >= 8 && length <= payload.length) {
          out.udp.push({ ...at, src, dst, protocol, segment: payload.subarray(0, length) });
        }
      } else if (protocol === 6 && payload.length >= 20) {
        // only complete segments: the total length must match what was captured
        const total = v4 ? u16(v4.header, 2) - v4.header.length : payload.length;
        if (total === payload.length) out.tcp.push({ ...at, src, dst, protocol, segment: payload });
      }
    }
  }
  return out;
}

const ospf = collect(captures('ospf'));
const rip = collect(captures('rip'));

// Clean BGP sessions (real routers or tcpdump test captures of real sessions). Left out:
// the fuzzed tcpdump files (`*-oobr*`, bgpsec), and the ryu/scapy-generated EVPN and
// flowspec files, whose TCP checksums were never filled in.
const BGP_CLEAN = [
  ...captures('bgp').filter((f) => f.startsWith('bgp/packetlife/')),
  ...captures('bgp').filter((f) => /^bgp\/ryu\/bgp4-/.test(f)),
  'bgp/arkime/cloudshark-bgp-md5.pcap',
  'bgp/pcpp/BgpPackets.pcap',
  'bgp/pmacct/300-BGP-IPv6-CISCO-extNH_enc__traffic-00.pcap',
  'bgp/pmacct/303-BGP-high-availability__traffic-00.pcap',
  'bgp/tcpdump/bgp-4byte-asn.pcap',
  'bgp/tcpdump/bgp-lu-multiple-labels.pcap',
  'bgp/tcpdump/bgp-rt-prefix.pcap',
];
const bgp = collect(BGP_CLEAN);

// ---------------------------------------------------------------------------------
// Known anomalies, each confirmed by an independent decoder
// ---------------------------------------------------------------------------------

/** IPv4 headers with a wrong checksum, and the value tcpdump says it should be. */
const BAD_IPV4_HEADERS: Record<string, number> = {
  // tcpdump ospf-sr-ri-sid-v.out: "bad cksum d831 (->d809)!" (hand-made test packet)
  'ospf/tcpdump/ospf-sr-ri-sid.pcap #1': 0xd809,
  // tcpdump rip_error_hexdump.out: "bad cksum 0 (->3903)!" (malformed on purpose)
  'rip/tcpdump/rip_error_hexdump.pcap #1': 0x3903,
};

/** OSPFv2 packets with a wrong checksum, and the value TShark says it should be. */
const BAD_OSPFV2_CHECKSUMS: Record<string, number> = {
  // TShark: "Checksum: 0x421d [incorrect, should be 0x1d42]" — stored byte-swapped
  'ospf/tcpdump/ospf-sr.pcapng #1': 0x1d42,
  // TShark: "Checksum: 0x9adf [incorrect, should be 0xd1a4]" (hand-made test packet)
  'ospf/tcpdump/ospf-sr-ri-sid.pcap #1': 0xd1a4,
};

/** LSAs that fail the Fletcher check: the hand-made Router Information LSA above. */
const BAD_LSAS = new Set(['ospf/tcpdump/ospf-sr-ri-sid.pcap #1']);

/**
 * OSPFv3 with an RFC 7166 Authentication Trailer whose sender put the trailer under the
 * checksum too (the pseudo-header length is the whole IPv6 payload). TShark computes
 * yet another value (0x0802), so this row only records what verifies.
 */
const OSPFV3_CHECKSUM_OVER_TRAILER = new Set(['ospf/tcpdump/ospf3_auth.pcapng #1']);

// ---------------------------------------------------------------------------------

describe.each([
  ['OSPF', ospf],
  ['RIP', rip],
  ['clean BGP', bgp],
])('IPv4 header checksums in the %s captures', (_, c) => {
  const good = c.ipv4.filter((p) => !(where(p) in BAD_IPV4_HEADERS));
  test(`${good.length} IPv4 headers in ${c.files} files verify to 0, and recomputing reproduces them`, () => {
    expect(good.length).toBeGreaterThan(20);
    for (const p of good) {
      expect(internetChecksum(p.header), where(p)).toBe(0);
      expect(internetChecksum(zeroed(p.header, 10)), where(p)).toBe(u16(p.header, 10));
    }
  });
  const bad = c.ipv4.filter((p) => where(p) in BAD_IPV4_HEADERS);
  if (bad.length > 0) {
    test(`${bad.length} known-bad IPv4 header(s): flagged, and recomputed as tcpdump does`, () => {
      for (const p of bad) {
        expect(internetChecksum(p.header), where(p)).not.toBe(0);
        expect(internetChecksum(zeroed(p.header, 10)), where(p)).toBe(BAD_IPV4_HEADERS[where(p)]);
      }
    });
  }
});

describe('OSPF packet checksums', () => {
  const v2 = ospf.ospf.filter((p) => p.version === 2);
  const auType = (p: Ospf): number => u16(p.packet, 14);
  // RFC 2328 D.4: over the whole packet except the 8-byte authentication field
  const ospfV2Checksum = (packet: Uint8Array): number =>
    internetChecksum(packet.subarray(24), onesComplementSum(packet.subarray(0, 16)));

  const summed = v2.filter((p) => auType(p) !== 2 && !(where(p) in BAD_OSPFV2_CHECKSUMS));
  test(`${summed.length} OSPFv2 packets (AuType 0/1) verify, with the authentication field excluded`, () => {
    expect(summed.length).toBeGreaterThan(200);
    expect(summed.some((p) => auType(p) === 1)).toBe(true); // simple password is covered
    for (const p of summed) {
      expect(ospfV2Checksum(p.packet), where(p)).toBe(0);
      expect(ospfV2Checksum(zeroed(p.packet, 12)), where(p)).toBe(u16(p.packet, 12));
    }
  });

  const crypto = v2.filter((p) => auType(p) === 2);
  test(`${crypto.length} OSPFv2 packets with cryptographic auth carry checksum 0 (RFC 2328 D.4.3)`, () => {
    expect(crypto.length).toBeGreaterThan(10);
    for (const p of crypto) expect(u16(p.packet, 12), where(p)).toBe(0);
  });

  const bad = v2.filter((p) => where(p) in BAD_OSPFV2_CHECKSUMS);
  test(`${bad.length} known-bad OSPFv2 checksums: flagged, and recomputed as TShark does`, () => {
    expect(bad.length).toBe(Object.keys(BAD_OSPFV2_CHECKSUMS).length);
    for (const p of bad) {
      expect(ospfV2Checksum(p.packet), where(p)).not.toBe(0);
      expect(ospfV2Checksum(zeroed(p.packet, 12)), where(p)).toBe(BAD_OSPFV2_CHECKSUMS[where(p)]);
    }
  });

  const v3 = ospf.ospf.filter(
    (p) => p.version === 3 && !OSPFV3_CHECKSUM_OVER_TRAILER.has(where(p)),
  );
  test(`${v3.length} OSPFv3 packets verify with the IPv6 pseudo-header (RFC 5340 A.3.1)`, () => {
    expect(v3.length).toBeGreaterThan(100);
    for (const p of v3) {
      expect(transportChecksum(p.src!, p.dst!, 89, p.packet), where(p)).toBe(0);
      const recomputed = transportChecksum(p.src!, p.dst!, 89, zeroed(p.packet, 12));
      expect(recomputed, where(p)).toBe(u16(p.packet, 12));
    }
  });

  test('OSPFv3 with an authentication trailer: the checksum covers packet + trailer', () => {
    const [p, ...more] = ospf.ospf.filter((o) => OSPFV3_CHECKSUM_OVER_TRAILER.has(where(o)));
    expect(more).toEqual([]);
    expect(p!.trailer.length).toBeGreaterThan(0);
    const whole = new Uint8Array(p!.packet.length + p!.trailer.length);
    whole.set(p!.packet);
    whole.set(p!.trailer, p!.packet.length);
    expect(transportChecksum(p!.src!, p!.dst!, 89, p!.packet)).not.toBe(0);
    expect(transportChecksum(p!.src!, p!.dst!, 89, whole)).toBe(0);
  });
});

describe('OSPF LSA Fletcher checksums (RFC 2328 §12.1.7, RFC 5340 A.4.2)', () => {
  const good = ospf.lsas.filter((l) => !BAD_LSAS.has(where(l)));
  const v2 = good.filter((l) => l.version === 2).length;
  const v3 = good.length - v2;
  test(`${good.length} LSAs (${v2} OSPFv2, ${v3} OSPFv3) pass the check; recomputing in a copy reproduces the captured octets`, () => {
    expect(v2).toBeGreaterThan(80);
    expect(v3).toBeGreaterThan(100);
    expect(ospf.malformedUpdates.map(where)).toEqual([]); // every LS Update walked cleanly
    for (const l of good) {
      const covered = l.bytes.subarray(2); // everything but LS age
      expect(verifyFletcher(covered), where(l)).toBe(true);
      expect(fletcherChecksum(covered, OSPF_LSA_CHECKSUM_OFFSET), where(l)).toBe(l.checksum);
      const copy = zeroed(l.bytes, 16);
      setFletcherChecksum(copy.subarray(2), OSPF_LSA_CHECKSUM_OFFSET);
      expect(copy, where(l)).toEqual(l.bytes);
    }
  });

  test('LS age is outside the checksum: aging an LSA keeps it valid', () => {
    for (const l of good) {
      const aged = l.bytes.slice();
      aged[0] = 0x0e; // 3600 s = MaxAge
      aged[1] = 0x10;
      expect(verifyFletcher(aged.subarray(2)), where(l)).toBe(true);
    }
  });

  test('the known-bad hand-made LSA is flagged', () => {
    const bad = ospf.lsas.filter((l) => BAD_LSAS.has(where(l)));
    expect(bad.length).toBe(1);
    for (const l of bad) {
      expect(verifyFletcher(l.bytes.subarray(2))).toBe(false);
      expect(fletcherChecksum(l.bytes.subarray(2), OSPF_LSA_CHECKSUM_OFFSET)).not.toBe(l.checksum);
    }
  });
});

describe('UDP checksums of RIP and RIPng', () => {
  const withSum = rip.udp.filter((u) => u16(u.segment, 6) !== 0);
  const v4 = withSum.filter((u) => u.src.length === 4).length;
  const v6 = withSum.length - v4;
  test(`${withSum.length} datagrams (${v4} RIP over IPv4, ${v6} RIPng over IPv6) verify with the pseudo-header`, () => {
    expect(v4).toBeGreaterThan(30);
    expect(v6).toBeGreaterThan(10);
    for (const u of withSum) {
      expect(transportChecksum(u.src, u.dst, 17, u.segment), where(u)).toBe(0);
      const recomputed = transportChecksum(u.src, u.dst, 17, zeroed(u.segment, 6));
      expect(recomputed === 0 ? 0xffff : recomputed, where(u)).toBe(u16(u.segment, 6));
    }
  });
});

describe('TCP checksums of clean BGP sessions', () => {
  const v4 = bgp.tcp.filter((t) => t.src.length === 4).length;
  const v6 = bgp.tcp.length - v4;
  test(`${bgp.tcp.length} segments (${v4} over IPv4, ${v6} over IPv6) in ${bgp.files} files verify`, () => {
    expect(v4).toBeGreaterThan(200);
    expect(v6).toBeGreaterThan(20);
    for (const t of bgp.tcp) {
      expect(transportChecksum(t.src, t.dst, 6, t.segment), where(t)).toBe(0);
    }
  });
});
