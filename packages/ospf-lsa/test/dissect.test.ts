import { requireTshark, runTshark, vectorPath } from '@routekit/testkit';
import { describe, expect, it } from 'vitest';
import { decodePacket } from '../src/index.js';
import { ospfFrames } from './captures.js';

/** Our `onField` names → tshark's field names for the same bytes. */
const NAMES: Record<string, string> = {
  'ospf.version': 'ospf.version',
  'ospf.router_id': 'ospf.srcrouter',
  'ospf.area_id': 'ospf.area_id',
  'ospf.checksum': 'ospf.checksum',
  'hello.interval': 'ospf.hello.hello_interval',
  'hello.dead_interval': 'ospf.hello.router_dead_interval',
  'hello.neighbor': 'ospf.hello.active_neighbor',
  'ls_upd.num_lsas': 'ospf.ls.number_of_lsas',
  'lsa.seq': 'ospf.lsa.seqnum',
  'lsa.checksum': 'ospf.lsa.chksum',
  'lsa.length': 'ospf.lsa.length',
  'router.link.id': 'ospf.lsa.router.linkid',
  'router.link.data': 'ospf.lsa.router.linkdata',
  'network.attached_router': 'ospf.lsa.network.attchrtr',
  'external.forwarding': 'ospf.lsa.asext.fwdaddr',
};

describe('onField offsets agree with tshark -x', () => {
  for (const file of [
    'ospf/packetlife/OSPF_LSA_types.cap',
    'ospf/tcpdump/OSPFv2_Capture_FINAL.pcapng',
  ]) {
    it(file, async () => {
      requireTshark();
      const theirs = new Map(
        (await runTshark(vectorPath(file), { raw: true })).map((f) => [f.number, f]),
      );
      let compared = 0;
      for (const f of ospfFrames(file)) {
        const t = theirs.get(f.frame)!;
        const base = t.fields.find((x) => x.name === 'ospf.version')?.raw?.offset;
        expect(base).toBeDefined();
        const ours = new Map<string, string[]>();
        decodePacket(f.payload, {
          onField: (name, offset, length) => {
            const tn = NAMES[name];
            if (tn === undefined) return;
            ours.set(tn, [...(ours.get(tn) ?? []), `${offset}+${length}`]);
          },
        });
        for (const tn of Object.values(NAMES)) {
          const want = t.fields
            .filter((x) => x.name === tn && x.raw !== undefined)
            .map((x) => `${x.raw!.offset - base!}+${x.raw!.length}`);
          expect(ours.get(tn) ?? [], `${file}#${f.frame} ${tn}`).toEqual(want);
          compared += want.length;
        }
      }
      expect(compared).toBeGreaterThan(100);
    }, 60_000);
  }
});
