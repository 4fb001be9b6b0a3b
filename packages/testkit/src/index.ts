export { captureFrames, ipv4Of, type TestFrame, type TestIpv4 } from './frames.js';
export { configureFastCheck, DEFAULT_NUM_RUNS, parseSeed, type SeedConfig } from './seed.js';
export {
  allVectors,
  findVectors,
  loadVector,
  manifest,
  sha256Sums,
  type VectorEntry,
  vectorPath,
  vectorsRoot,
} from './vectors.js';
