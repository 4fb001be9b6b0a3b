import { hex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import { decodeRipForCli, ripCliDecoder, ripngCliDecoder } from '../src/index.js';

describe('decodeRipForCli', () => {
  it('gives JSON-safe RIP objects', () => {
    const r = ripCliDecoder(hex`02 02 0000 0002 0007 c0000235 ffffffff 00000000 00000001`, {});
    expect(r).toEqual({
      ok: true,
      value: {
        protocol: 'rip',
        command: 'response',
        version: 2,
        entries: [
          {
            afi: 2,
            address: '192.0.2.53',
            metric: 1,
            prefix: '192.0.2.53/32',
            tag: 7,
            mask: '255.255.255.255',
            nextHop: '0.0.0.0',
          },
        ],
        issues: [],
      },
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('gives RIPng objects and errors', () => {
    const r = ripngCliDecoder(hex`01 01 0000 00000000000000000000000000000000 0000 00 10`, {});
    expect(r).toEqual({
      ok: true,
      value: {
        protocol: 'ripng',
        command: 'request',
        version: 1,
        entries: [{ prefix: '::/0', tag: 0, metric: 16 }],
        issues: [],
      },
    });
    expect(decodeRipForCli(hex`02`, { protocol: 'rip' })).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
  });
});
