import { describe, expect, test } from 'vitest';
import { asPathLength, neighborAs } from '../src/index.js';
import { asPathVectors, LOCAL_AS } from './vectors/as-path.js';

describe('AS_PATH length and neighbour AS', () => {
  for (const v of asPathVectors) {
    test(v.name, () => {
      expect(asPathLength(v.segments)).toBe(v.length);
      expect(neighborAs(v.segments, LOCAL_AS)).toBe(v.neighborAs);
    });
  }
});
