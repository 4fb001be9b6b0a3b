// AS_PATH vectors: segments → the length §9.1.2.2 (a) compares and the neighbour AS
// §9.1.2.2 (c) groups MEDs by (local AS 64512 in every row).
import { AsPathSegmentType, type AsPathSegmentView } from '../../src/index.js';

const { AsSet, AsSequence, ConfedSequence, ConfedSet } = AsPathSegmentType;

export const LOCAL_AS = 64512;

export interface AsPathVector {
  readonly name: string;
  readonly segments: readonly AsPathSegmentView[];
  readonly length: number;
  readonly neighborAs: number;
}

export const asPathVectors: readonly AsPathVector[] = [
  { name: 'empty: originated in our AS', segments: [], length: 0, neighborAs: LOCAL_AS },
  {
    name: 'a sequence counts each AS',
    segments: [{ type: AsSequence, asns: [65001, 65002, 65003] }],
    length: 3,
    neighborAs: 65001,
  },
  {
    name: 'prepending counts',
    segments: [{ type: AsSequence, asns: [65001, 65001, 65001, 65002] }],
    length: 4,
    neighborAs: 65001,
  },
  {
    name: 'an AS_SET counts 1 however many ASes it holds',
    segments: [
      { type: AsSequence, asns: [65001, 65002] },
      { type: AsSet, asns: [65010, 65011, 65012, 65013] },
    ],
    length: 3,
    neighborAs: 65001,
  },
  {
    name: 'an aggregate whose path starts with an AS_SET has the local AS as neighbour',
    segments: [{ type: AsSet, asns: [65010, 65011] }],
    length: 1,
    neighborAs: LOCAL_AS,
  },
  {
    name: 'confederation segments count 0 and are skipped for the neighbour AS (RFC 5065)',
    segments: [
      { type: ConfedSequence, asns: [64601, 64602] },
      { type: AsSequence, asns: [65001, 65002] },
    ],
    length: 2,
    neighborAs: 65001,
  },
  {
    name: 'only confederation segments: a route from inside the confederation',
    segments: [
      { type: ConfedSet, asns: [64601, 64603] },
      { type: ConfedSequence, asns: [64602] },
    ],
    length: 0,
    neighborAs: LOCAL_AS,
  },
  {
    name: 'empty segments are skipped; an empty AS_SET counts 0',
    segments: [
      { type: AsSequence, asns: [] },
      { type: AsSet, asns: [] },
      { type: AsSequence, asns: [65005] },
    ],
    length: 1,
    neighborAs: 65005,
  },
  {
    name: 'unknown segment types count 0 and stop the neighbour search',
    segments: [
      { type: 9, asns: [65001] },
      { type: AsSequence, asns: [65002] },
    ],
    length: 1,
    neighborAs: LOCAL_AS,
  },
];
