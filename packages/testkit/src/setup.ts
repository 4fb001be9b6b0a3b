// vitest setup file (see the root vitest configs): seeds fast-check from FC_SEED and
// prints the seed next to any failing test so the run can be replayed.
import { beforeEach } from 'vitest';
import { configureFastCheck } from './seed.js';

const config = configureFastCheck();

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => {
    console.error(
      `[testkit] "${task.name}" failed; replay with FC_SEED=${config.seed} (seed from ${config.source}, ${config.numRuns} runs)`,
    );
  });
});
