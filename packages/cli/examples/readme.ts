import { main, registerDecoder } from '@routekit/cli';

// Run the command in-process: the same as `routekit decode <hex>` in a shell.
const io = {
  stdout: (text: string) => console.log(text.trimEnd()),
  stderr: (text: string) => console.log(`stderr: ${text.trimEnd()}`),
  readFile: async (path: string): Promise<Uint8Array> => {
    throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
  },
};
const keepalive = `${'ff'.repeat(16)}001304`;
const ripResponse = '0202 0000  0002 0000 0a000004 fffffffc 00000000 00000001';
// UPDATE: ORIGIN IGP, AS_PATH 65001, NEXT_HOP 192.0.2.1, COMMUNITIES NO_EXPORT, 198.51.100.0/24
const update =
  'ffffffffffffffffffffffffffffffff 0034 02 0000 0019' +
  ' 40010100 40020402 01fde9 400304c0000201 c00804ffffff01 18c63364';

// RIP, RIPng and OSPFv2 decoders are built in.
console.log(await main(['decode', ripResponse], io));

// So is BGP (@routekit/bgp-codec): prefixes and addresses as text, bytes as hex.
console.log(await main(['decode', update], io));

// A decoder registered for a protocol replaces the built-in one (a total decode
// returning ok/error).
registerDecoder('bgp', (bytes) =>
  bytes[18] === 4
    ? { ok: true, value: { kind: 'keepalive', length: bytes.length } }
    : { ok: false, error: { code: 'bad-type', offset: 18, length: 1 } },
);
console.log(await main(['decode', keepalive], io));
console.log(await main(['decode', '--format', 'tree', keepalive], io));

// Usage mistakes exit 1, unreadable input exits 2, never with a stack trace.
console.log(await main(['decode', '--format', 'xml', keepalive], io));
console.log(await main(['capture', 'missing.pcap'], io));
