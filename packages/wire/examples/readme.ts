import {
  type Decoded,
  decode,
  fail,
  internetChecksum,
  type Reader,
  toHex,
  Writer,
} from '@routekit/wire';

// A toy message in the style of the routing protocols:
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Version    |     Count     |        Length (whole)         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Checksum (RFC 1071)         |  Count TLVs: type, length, value ...
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
interface Tlv {
  readonly type: number;
  readonly value: Uint8Array;
}
interface Message {
  readonly version: number;
  readonly tlvs: readonly Tlv[];
}

const HEADER_LENGTH = 6;

function encodeMessage(m: Message): Uint8Array {
  const length = m.tlvs.reduce((n, t) => n + 2 + t.value.length, HEADER_LENGTH);
  const w = new Writer(length); // allocate once
  w.u8(m.version).u8(m.tlvs.length);
  const lengthAt = w.reserve(2);
  const checksumAt = w.reserve(2);
  for (const t of m.tlvs) w.u8(t.type).u8(t.value.length).bytes(t.value);
  w.patchU16(lengthAt, w.offset); // back-patch the length...
  w.patchU16(checksumAt, internetChecksum(w.written())); // ...and the checksum
  return w.finish();
}

function readMessage(r: Reader): Message {
  const version = r.u8('version');
  if (version !== 1) fail('bad-value', r.offset - 1, { length: 1, detail: `version ${version}` });
  const count = r.u8('count');
  const lengthAt = r.offset;
  const length = r.u16('length');
  if (length < HEADER_LENGTH) fail('length-out-of-range', lengthAt, { length: 2 });
  r.skip(2, 'checksum');
  const body = r.sub(length - HEADER_LENGTH); // TLVs cannot read past `length`
  const tlvs: Tlv[] = [];
  for (let i = 0; i < count; i++) {
    tlvs.push(
      body.field('tlv', (b) => {
        const type = b.u8('type');
        return { type, value: b.bytes(b.u8('length'), 'value') }; // value aliases the input
      }),
    );
  }
  body.expectEnd();
  return { version, tlvs };
}

const decodeMessage = (bytes: Uint8Array): Decoded<Message> => decode(bytes, readMessage);

const bytes = encodeMessage({
  version: 1,
  tlvs: [
    { type: 1, value: new Uint8Array([192, 0, 2, 1]) },
    { type: 2, value: new Uint8Array([0, 100]) },
  ],
});
console.log(toHex(bytes, ' '));
console.log('checksum verifies:', internetChecksum(bytes) === 0);

const result = decodeMessage(bytes);
if (result.ok) {
  const types = result.value.tlvs.map((t) => `${t.type}:${toHex(t.value)}`);
  console.log('decoded', result.bytesRead, 'bytes:', types.join(' '));
}

// Bad bytes give a typed error, never an exception.
console.log(JSON.stringify(decodeMessage(bytes.subarray(0, 9))));
console.log(JSON.stringify(decodeMessage(new Uint8Array([1, 1, 0, 4, 0, 0]))));

// The dissection hook sees every named field with its absolute offset and length.
const fields: string[] = [];
decode(bytes, readMessage, { onField: (name, at, n) => fields.push(`${name}@${at}+${n}`) });
console.log(fields.join(' '));
