import type { Address } from '@routekit/prefix';
import type { Reader, Writer } from '@routekit/wire';
import { addressLength, readAddress, writeAddress } from './address.js';
import {
  AS2_CONTEXT,
  type RibAttributes,
  readRibAttributes,
  ribAttributesLength,
  writeRibAttributes,
} from './attributes.js';

/*
 * RFC 6396 §4.2: TABLE_DUMP (type 12), subtype = AFI (1 IPv4, 2 IPv6).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         View Number           |       Sequence Number         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                        Prefix (variable)                      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | Prefix Length |    Status     |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         Originated Time                       |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Peer IP Address (variable)                 |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |           Peer AS             |       Attribute Length        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                   BGP Attribute... (variable)
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Prefix and Peer IP are 4 bytes (AFI 1) or 16 (AFI 2); AS numbers are 2 bytes.
 */
export interface TableDumpBody extends RibAttributes {
  readonly kind: 'table-dump';
  readonly viewNumber: number;
  readonly sequence: number;
  /** The prefix address as written (host bits are kept, not masked). */
  readonly prefix: Address;
  readonly prefixLength: number;
  readonly status: number;
  readonly originatedTime: number;
  readonly peerAddress: Address;
  readonly peerAs: number;
}

export function readTableDump(r: Reader, family: 4 | 6): TableDumpBody {
  const viewNumber = r.u16('table_dump.view');
  const sequence = r.u16('table_dump.sequence');
  const prefix = readAddress(r, family, 'table_dump.prefix');
  const prefixLength = r.u8('table_dump.prefix_length');
  const status = r.u8('table_dump.status');
  const originatedTime = r.u32('table_dump.originated_time');
  const peerAddress = readAddress(r, family, 'table_dump.peer_ip');
  const peerAs = r.u16('table_dump.peer_as');
  const attrLen = r.u16('table_dump.attribute_length');
  const attrs = readRibAttributes(r.sub(attrLen, 'table_dump.attributes'), AS2_CONTEXT);
  return {
    kind: 'table-dump',
    viewNumber,
    sequence,
    prefix,
    prefixLength,
    status,
    originatedTime,
    peerAddress,
    peerAs,
    attributes: attrs.attributes,
    unparsedAttributes: attrs.unparsedAttributes,
  };
}

export function tableDumpLength(b: TableDumpBody): number {
  return (
    14 +
    addressLength(b.prefix) +
    addressLength(b.peerAddress) +
    ribAttributesLength(b, AS2_CONTEXT)
  );
}

export function writeTableDump(w: Writer, b: TableDumpBody): void {
  w.u16(b.viewNumber).u16(b.sequence);
  writeAddress(w, b.prefix);
  w.u8(b.prefixLength).u8(b.status).u32(b.originatedTime);
  writeAddress(w, b.peerAddress);
  w.u16(b.peerAs).u16(ribAttributesLength(b, AS2_CONTEXT));
  writeRibAttributes(w, b, AS2_CONTEXT);
}
