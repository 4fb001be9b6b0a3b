import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT, toExabgpUpdateJson, type UpdateMessage } from '../src/index.js';

// ExaBGP 4.x (Debian 12 ships 4.2.21) prints the AS path as flat lists; the live interop
// test checks this form against a running ExaBGP, these vectors pin each key.
function update(segments: { type: number; asns: number[] }[]): UpdateMessage {
  return {
    kind: 'update',
    withdrawn: [],
    attributes: [
      { kind: 'origin', flags: 0x40, origin: 0 },
      { kind: 'as-path', flags: 0x40, segments },
    ],
    nlri: [],
    unparsedAttributes: new Uint8Array(0),
    issues: [],
  };
}

describe('toExabgpUpdateJson version 4', () => {
  it('sequence only: as-path and an empty confederation-path', () => {
    const j = toExabgpUpdateJson(update([{ type: 2, asns: [65001, 65002] }]), DEFAULT_CONTEXT, {
      version: 4,
    });
    expect(j.attribute).toEqual({
      origin: 'igp',
      'as-path': [65001, 65002],
      'confederation-path': [],
    });
  });

  it('sets and confederation segments get their own keys; sequences are concatenated', () => {
    const j = toExabgpUpdateJson(
      update([
        { type: 3, asns: [64512] },
        { type: 4, asns: [64513, 64514] },
        { type: 2, asns: [65001] },
        { type: 1, asns: [64600, 64601] },
        { type: 2, asns: [65002] },
      ]),
      DEFAULT_CONTEXT,
      { version: 4 },
    );
    expect(j.attribute).toEqual({
      origin: 'igp',
      'as-path': [65001, 65002],
      'as-set': [64600, 64601],
      'confederation-path': [64512],
      'confederation-set': [64513, 64514],
    });
  });

  it('an empty AS_PATH is shown as empty lists (version 5 leaves it out)', () => {
    const u = update([]);
    expect(toExabgpUpdateJson(u, DEFAULT_CONTEXT, { version: 4 }).attribute).toEqual({
      origin: 'igp',
      'as-path': [],
      'confederation-path': [],
    });
    expect(toExabgpUpdateJson(u).attribute).toEqual({ origin: 'igp' });
  });
});
