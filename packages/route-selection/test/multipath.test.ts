import { describe, test } from 'vitest';
import { selectBest, selectBgp } from '../src/index.js';
import { checkVector } from './support/check.js';
import { multipathVectors, rfc5004Vectors } from './vectors/multipath.js';

describe('BGP multipath', () => {
  for (const v of multipathVectors) {
    test(v.name, () => {
      checkVector(selectBgp, v);
      checkVector(selectBest, v);
    });
  }
});

describe('RFC 5004: prefer the older external path', () => {
  for (const v of rfc5004Vectors) {
    test(v.name, () => {
      checkVector(selectBgp, v);
      checkVector(selectBest, v);
    });
  }
});
