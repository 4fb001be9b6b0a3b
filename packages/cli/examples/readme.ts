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

// RIP, RIPng and OSPFv2 decoders are built in.
console.log(await main(['decode', ripResponse], io));

// BGP has no codec yet: its messages are listed as undecoded payloads.
console.log(await main(['decode', keepalive], io));

// A codec package registers its decoder (a total decode returning ok/error).
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
