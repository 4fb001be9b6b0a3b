import { describe, expect, test } from 'vitest';
import { WaitTimeoutError, waitFor, waitUntil } from '../src/netns/index.js';

describe('waitFor / waitUntil', () => {
  test('returns the first truthy value; thrown errors count as "not yet"', async () => {
    let n = 0;
    const v = await waitFor(
      () => {
        n++;
        if (n < 3) throw new Error('still starting');
        return n < 5 ? undefined : { n };
      },
      { intervalMs: 1 },
    );
    expect(v).toEqual({ n: 5 });
  });

  test('times out with the last value, the state snapshot and the logs', async () => {
    const err = await waitFor(() => 0, {
      timeoutMs: 30,
      intervalMs: 5,
      describe: 'the impossible',
      state: () => ({ bgp: 'Active' }),
      logs: () => '--- a/bgpd.log ---\nconnect refused',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    const e = err as WaitTimeoutError;
    expect(e.message).toMatch(/^timed out after \d+ ms \(\d+ polls\) for the impossible\n/);
    expect(e.message).toContain('last value: 0');
    expect(e.message).toContain('state: {\n  "bgp": "Active"\n}');
    expect(e.message).toContain('--- a/bgpd.log ---\nconnect refused');
    expect(e.lastValue).toBe(0);
    expect(e.elapsedMs).toBeGreaterThanOrEqual(30);
  });

  test('a last error is shown instead of a value', async () => {
    const err = await waitFor(
      () => {
        throw new Error('vtysh: bgpd is not running');
      },
      { timeoutMs: 20, intervalMs: 5 },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toContain('last error: vtysh: bgpd is not running');
    expect((err as WaitTimeoutError).lastError).toBeInstanceOf(Error);
  });

  test('abortIf ends the wait at once', async () => {
    const t0 = performance.now();
    const err = await waitFor(() => false, {
      timeoutMs: 10_000,
      abortIf: () => 'bird exited with status 1',
    }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^gave up waiting: bird exited with status 1/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  test('waitUntil returns the accepted probe value and reports the last one seen', async () => {
    const states = ['Idle', 'Connect', 'OpenSent', 'Established'];
    let i = 0;
    expect(
      await waitUntil(
        () => states[i++],
        (s) => s === 'Established',
        { intervalMs: 1 },
      ),
    ).toBe('Established');
    const err = await waitUntil(
      () => 'Active',
      (s) => s === 'Established',
      { timeoutMs: 20, intervalMs: 5 },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toContain('last value: Active');
  });
});
