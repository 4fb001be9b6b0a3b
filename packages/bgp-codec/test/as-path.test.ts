import { describe, expect, it } from 'vitest';
import { AS_TRANS, type AsPathSegment, asPathCount, reconstructAsPath } from '../src/index.js';

const seq = (...asns: number[]): AsPathSegment => ({ type: 2, asns });
const set = (...asns: number[]): AsPathSegment => ({ type: 1, asns });

describe('RFC 6793 §4.2.3 AS path reconstruction', () => {
  const rows: {
    name: string;
    asPath: AsPathSegment[];
    as4Path: AsPathSegment[];
    expected: AsPathSegment[];
  }[] = [
    {
      name: 'AS_TRANS replaced by the AS4_PATH, leading 2-octet ASes kept',
      asPath: [seq(65001, AS_TRANS, AS_TRANS)],
      as4Path: [seq(4200000001, 4200000002)],
      expected: [seq(65001, 4200000001, 4200000002)],
    },
    {
      name: 'same length: AS4_PATH is the path',
      asPath: [seq(AS_TRANS, 65002)],
      as4Path: [seq(4200000001, 65002)],
      expected: [seq(4200000001, 65002)],
    },
    {
      name: 'AS_PATH shorter than AS4_PATH: AS4_PATH ignored',
      asPath: [seq(65001)],
      as4Path: [seq(4200000001, 4200000002)],
      expected: [seq(65001)],
    },
    {
      name: 'an AS_SET counts as one AS; confederation segments in AS4_PATH are dropped',
      asPath: [seq(65001), set(AS_TRANS, 65003)],
      as4Path: [{ type: 3, asns: [64512] }, set(4200000001, 65003)],
      expected: [seq(65001), set(4200000001, 65003)],
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      expect(reconstructAsPath(r.asPath, r.as4Path)).toEqual(r.expected);
    });
  }

  it('counts path length as the decision process does', () => {
    expect(asPathCount([seq(1, 2, 3), set(4, 5), { type: 3, asns: [6, 7] }])).toBe(4);
  });
});
