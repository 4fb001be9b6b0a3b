import { fail, type Reader } from '@routekit/wire';
import { readEthernet } from './ethernet.js';

/** Juniper pseudo-header flags (tcpdump `print-juniper.c`). */
export const JuniperFlag = { PacketIn: 0x01, NoL2: 0x02, Ext: 0x80 } as const;

/**
 * Juniper Ethernet (LINKTYPE_JUNIPER_ETHER, 178): Juniper's pseudo-header, then an
 * Ethernet frame.
 *
 * ```text
 * +---------------+---------------+---------------+---------------+
 * |            Magic "MGC" (0x4D 0x47 0x43)       |     Flags     |
 * +---------------+---------------+---------------+---------------+
 * |  Extension length (if flags & 0x80)  |  TLV extensions …      |
 * +-------------------------------+-------------------------------+
 * ```
 *
 * With the "no L2" flag the frame carries 4 bytes of protocol family and an IP packet
 * instead of Ethernet; the first nibble then says IPv4 or IPv6.
 */
export function readJuniperEther(r: Reader): number {
  const start = r.offset;
  const magic = r.u24('juniper.magic');
  if (magic !== 0x4d4743) {
    fail('bad-value', start, { length: 3, detail: `Juniper magic 0x${magic.toString(16)}` });
  }
  const flags = r.u8('juniper.direction');
  if ((flags & JuniperFlag.Ext) !== 0) {
    const extLength = r.u16('juniper.ext_total_len');
    r.skip(extLength, 'juniper.ext');
  }
  if ((flags & JuniperFlag.NoL2) !== 0) {
    r.skip(4, 'juniper.proto');
    const nibble = r.peekU8() >> 4;
    return nibble === 4 ? 0x0800 : nibble === 6 ? 0x86dd : 0;
  }
  return readEthernet(r);
}
