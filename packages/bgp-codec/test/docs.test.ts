// The docs site's BGP pages quote bytes and output; these tests keep them true.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prefixOrThrow } from '@routekit/prefix';
import { fromHex, toHex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import {
  type BgpContext,
  decodeMessage,
  encodeMessage,
  type UpdateMessage,
  updateAction,
  WellKnownCommunity,
} from '../src/index.js';
import { BgpdumpFormatter, decodeMrtRecord } from '../src/mrt/index.js';

const page = readFileSync(new URL('../../../docs/bgp/update-anatomy.md', import.meta.url), 'utf8');
const block = (lang: string): string => {
  const m = new RegExp('```' + lang + '\\n([^`]*)```').exec(page);
  if (m === null) throw new Error(`no ${lang} block`);
  return m[1]!.trim();
};

const session: BgpContext = { fourOctetAs: true, addPath: {}, extendedMessage: false };
const update: UpdateMessage = {
  kind: 'update',
  withdrawn: [],
  attributes: [
    { kind: 'origin', flags: 0x40, origin: 0 },
    { kind: 'as-path', flags: 0x40, segments: [{ type: 2, asns: [4_200_000_000] }] },
    { kind: 'next-hop', flags: 0x40, nextHop: 0xc0000201 },
    { kind: 'communities', flags: 0xc0, communities: [WellKnownCommunity.NoExport] },
  ],
  nlri: [{ prefix: prefixOrThrow('192.0.2.53/32') }],
  unparsedAttributes: new Uint8Array(0),
  issues: [],
};

describe('docs/bgp/update-anatomy.md', () => {
  const bytes = encodeMessage(update, session);

  it('quotes the bytes the README example encodes', () => {
    expect(block('hex')).toBe(toHex(bytes, ' '));
    expect(bytes.length).toBe(55);
  });

  it('ORIGIN 7 at offset 26 is treat-as-withdraw, as the page says', () => {
    const bad = bytes.slice();
    bad[26] = 7;
    const d = decodeMessage(bad, session);
    expect(d.ok && d.value.kind === 'update' && d.value.issues[0]).toMatchObject({
      code: 'bad-value',
      offset: 26,
      action: 'treat-as-withdraw',
    });
    expect(d.ok && d.value.kind === 'update' && updateAction(d.value)).toBe('treat-as-withdraw');
  });

  it('the bgpdump -m line it shows is what routekit (and Debian bgpdump) print', () => {
    // BGP4MP MESSAGE_AS4: peer AS 64500, local AS 64501, ifindex 0, AFI 1, 198.51.100.1 → .2
    const body = fromHex(`0000fbf40000fbf500000001c6336401c6336402${toHex(bytes)}`);
    const header = fromHex(`65f0000000100004${body.length.toString(16).padStart(8, '0')}`);
    const record = new Uint8Array([...header, ...body]);
    const d = decodeMrtRecord(record);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const line = new BgpdumpFormatter().format(d.value);
    const shown = block('text')
      .replace('<time>', `${0x65f00000}`)
      .replace('<peer address>', '198.51.100.1')
      .replace('<peer AS>', '64500');
    expect(line).toEqual([shown]);
    let bgpdump: string | undefined;
    try {
      execFileSync('bgpdump', ['-T'], { stdio: 'ignore' });
      bgpdump = 'bgpdump';
    } catch {
      bgpdump = undefined;
    }
    if (bgpdump === undefined && process.env.CI) throw new Error('bgpdump is not installed');
    if (bgpdump === undefined) return;
    const dir = mkdtempSync(join(tmpdir(), 'routekit-docs-'));
    try {
      writeFileSync(join(dir, 'one.mrt'), record);
      const out = execFileSync('bgpdump', ['-m', join(dir, 'one.mrt')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      expect(out.trim().split('\n')).toEqual([shown]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
