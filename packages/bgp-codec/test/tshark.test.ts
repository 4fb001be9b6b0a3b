import { formatAddress, ipv4 } from '@routekit/prefix';
import {
  diffFields,
  formatMismatches,
  type OurFrame,
  requireTshark,
  runTshark,
  vectorPath,
} from '@routekit/testkit';
import { describe, expect, it } from 'vitest';
import {
  attributeTypeCode,
  type BgpMessage,
  capabilityCode,
  openCapabilities,
} from '../src/index.js';
import { bgpCaptureFiles, bgpMessages, decodeBest } from './helpers.js';

type Values = (string | number)[];

const TYPE: Record<BgpMessage['kind'], number> = {
  open: 1,
  update: 2,
  notification: 3,
  keepalive: 4,
  'route-refresh': 5,
};

/** Append our decode of one message, in tshark's field names. */
function addFields(
  f: Record<string, Values>,
  m: BgpMessage,
  length: number,
  fourOctetAs: boolean,
): void {
  const push = (k: string, ...v: (string | number)[]): void => {
    f[k] ??= [];
    f[k].push(...v);
  };
  push('bgp.type', TYPE[m.kind]);
  push('bgp.length', length);
  if (m.kind === 'open') {
    push('bgp.open.myas', m.myAs);
    push('bgp.open.holdtime', m.holdTime);
    push('bgp.open.identifier', formatAddress(ipv4(m.bgpId)));
    push('bgp.cap.type', ...openCapabilities(m).map(capabilityCode));
  }
  if (m.kind !== 'update') return;
  for (const r of m.nlri) push('bgp.nlri_prefix', formatAddress(r.prefix.address));
  for (const a of m.attributes) {
    push('bgp.update.path_attribute.type_code', attributeTypeCode(a));
    if (a.kind === 'origin') push('bgp.update.path_attribute.origin', a.origin);
    if (a.kind === 'next-hop')
      push('bgp.update.path_attribute.next_hop', formatAddress(ipv4(a.nextHop)));
    if (a.kind === 'med') push('bgp.update.path_attribute.multi_exit_disc', a.value);
    if (a.kind === 'local-pref') push('bgp.update.path_attribute.local_pref', a.value);
    if (a.kind === 'as-path') {
      const field = `bgp.update.path_attribute.as_path_segment.${fourOctetAs ? 'as4' : 'as2'}`;
      for (const s of a.segments) push(field, ...s.asns);
    }
    if (a.kind === 'communities') {
      push('bgp.update.path_attribute.community_as', ...a.communities.map((c) => c >>> 16));
      push('bgp.update.path_attribute.community_value', ...a.communities.map((c) => c & 0xffff));
    }
    if (a.kind === 'mp-reach' && a.afi === 2 && a.nlri.kind === 'prefixes') {
      for (const r of a.nlri.routes)
        push('bgp.mp_reach_nlri_ipv6_prefix', formatAddress(r.prefix.address));
    }
  }
}

const FIELDS: readonly string[] = [
  'bgp.type',
  'bgp.length',
  'bgp.open.myas',
  'bgp.open.holdtime',
  'bgp.open.identifier',
  'bgp.cap.type',
  'bgp.nlri_prefix',
  'bgp.update.path_attribute.type_code',
  'bgp.update.path_attribute.origin',
  'bgp.update.path_attribute.next_hop',
  'bgp.update.path_attribute.multi_exit_disc',
  'bgp.update.path_attribute.local_pref',
  'bgp.update.path_attribute.as_path_segment.as2',
  'bgp.update.path_attribute.as_path_segment.as4',
  'bgp.update.path_attribute.community_as',
  'bgp.update.path_attribute.community_value',
  'bgp.mp_reach_nlri_ipv6_prefix',
];

/** Well-formed captures of plain IPv4/IPv6 sessions (tshark's view of the others differs by design). */
const files = bgpCaptureFiles().filter((f) =>
  /^bgp\/(packetlife|arkime|ndpi)\/|^bgp\/ryu\/bgp4-/.test(f),
);

describe('field agreement with tshark', () => {
  let frames = 0;
  for (const file of files) {
    it(`${file}`, async () => {
      requireTshark();
      const byFrame = new Map<number, Record<string, Values>>();
      for (const m of bgpMessages(file)) {
        const { d, context } = decodeBest(m.bytes, m.context);
        if (!d.ok) continue;
        const f = byFrame.get(m.frame) ?? {};
        byFrame.set(m.frame, f);
        addFields(f, d.value, m.bytes.length, context.fourOctetAs);
      }
      const ours: OurFrame[] = [...byFrame].map(([frame, fields]) => ({ frame, fields }));
      const tshark = await runTshark(vectorPath(file), { filter: 'bgp' });
      const mismatches = diffFields(tshark, ours, { fields: FIELDS, frames: 'ours' });
      expect(mismatches, formatMismatches(mismatches)).toEqual([]);
      expect(ours.length).toBeGreaterThan(0);
      frames += ours.length;
    });
  }
  it('compared frames', () => {
    console.log(`tshark frames compared: ${frames}`);
    expect(files.length).toBeGreaterThan(5);
  });
});
