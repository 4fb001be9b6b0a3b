import { formatPrefix } from '@routekit/prefix';
import { fromHex } from '@routekit/wire';
import { describe, expect, it } from 'vitest';
import { CONTEXT_GUESSES, decodeGuessingContext, encodeMessage } from '../src/index.js';

// ExaBGP's qa/decoding/ipv4-unicast-1: five NLRI bytes runs that read either as four
// `0.0.0.0/0` plus 1.1.1.1/32 (no ADD-PATH, what ExaBGP's vector shows) or as 1.1.1.1/32
// with path id 0 (ADD-PATH).
const UPDATE = fromHex(
  'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF003C020000001C4001010040020040030465016501800404000000C840050400000064000000002001010101',
);

describe('decodeGuessingContext', () => {
  it('rejects a reading that repeats a prefix: the ADD-PATH guess wins', () => {
    const { result, context } = decodeGuessingContext(UPDATE);
    expect(context).toBe(CONTEXT_GUESSES[2]);
    expect(result.ok && result.value.kind === 'update' && result.value.nlri).toEqual([
      expect.objectContaining({ pathId: 0 }),
    ]);
  });

  it('with rejectRepeats: false, the first clean byte-exact guess (as ExaBGP read it)', () => {
    const { result, context } = decodeGuessingContext(UPDATE, { rejectRepeats: false });
    expect(context).toBe(CONTEXT_GUESSES[0]);
    const nlri = result.ok && result.value.kind === 'update' ? result.value.nlri : [];
    expect(nlri.map((r) => formatPrefix(r.prefix))).toEqual([
      '0.0.0.0/0',
      '0.0.0.0/0',
      '0.0.0.0/0',
      '0.0.0.0/0',
      '1.1.1.1/32',
    ]);
    expect(result.ok && encodeMessage(result.value, context)).toEqual(UPDATE);
  });

  it('non-UPDATE messages take the first guess that decodes; an undecodable one the first error', () => {
    const keepalive = fromHex('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001304');
    expect(decodeGuessingContext(keepalive).context).toBe(CONTEXT_GUESSES[0]);
    const bad = decodeGuessingContext(keepalive.subarray(0, 18));
    expect(bad.result.ok).toBe(false);
    expect(bad.context).toBe(CONTEXT_GUESSES[0]);
  });
});
