import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import {
  checkIfName,
  MAX_IFNAME,
  makeLabId,
  namespaceName,
  openLabIdsForTest,
  parseLabId,
  parseNamespaceName,
  parseNetnsList,
  staleReason,
  vethName,
} from './netns-internals.js';

describe('lab ids and namespace names', () => {
  test('a lab id encodes the owner pid and a counter, both base 36', () => {
    expect(makeLabId(12345, 0)).toBe('9ix-0');
    expect(makeLabId(4194304, 37)).toBe('2hwcg-11');
    expect(parseLabId('9ix-0')).toEqual({ id: '9ix-0', pid: 12345, seq: 0 });
    expect(parseLabId('2hwcg-11')).toEqual({ id: '2hwcg-11', pid: 4194304, seq: 37 });
    for (const bad of ['', '9ix', '9ix-', '-0', '9IX-0', '0-0', '9ix-0-1']) {
      expect(parseLabId(bad), bad).toBeUndefined();
    }
    expect(() => makeLabId(0, 0)).toThrow(RangeError);
    expect(() => makeLabId(1, -1)).toThrow(RangeError);
  });

  test('namespaces are rkt-<lab id>-<node> and parse back', () => {
    expect(namespaceName('9ix-0', 'frr')).toBe('rkt-9ix-0-frr');
    expect(parseNamespaceName('rkt-9ix-0-frr')).toEqual({
      labId: '9ix-0',
      pid: 12345,
      node: 'frr',
    });
    expect(parseNamespaceName('rkt-2hwcg-11-a1b2c3d')).toEqual({
      labId: '2hwcg-11',
      pid: 4194304,
      node: 'a1b2c3d',
    });
    for (const other of [
      'rlab-a1',
      'rkt-x',
      'rkt-9ix-0-',
      'rkt-9ix-0-Frr',
      'rkt-9ix-0-toolongname',
    ]) {
      expect(parseNamespaceName(other), other).toBeUndefined();
    }
    expect(() => namespaceName('9ix-0', 'Bad')).toThrow(/must match/);
    expect(() => namespaceName('9ix-0', 'eightchr')).toThrow(/must match/);
    expect(() => namespaceName('nope', 'a')).toThrow(/bad lab id/);
  });

  test('veth names fit IFNAMSIZ for every pair of valid node names', () => {
    expect(vethName('a', 'b')).toBe('a-b');
    expect(vethName('frr', 'bird', 2)).toBe('frr-bird2');
    const longest = vethName('abcdefg', 'hijklmn');
    expect(longest.length).toBeLessThanOrEqual(MAX_IFNAME);
    expect(() => vethName('abcdefg', 'hijklmn', 1)).toThrow(/1\.\.15 bytes/);
    expect(() => checkIfName('')).toThrow();
    expect(() => checkIfName('a b')).toThrow();
    expect(() => checkIfName('a/b')).toThrow();
    expect(() => checkIfName('x'.repeat(16))).toThrow();
    expect(() => checkIfName('x'.repeat(15))).not.toThrow();
  });

  test('`ip netns list` output with and without ids', () => {
    expect(parseNetnsList('rkt-9ix-0-b (id: 1)\nrkt-9ix-0-a (id: 0)\nother\n\n')).toEqual([
      'rkt-9ix-0-b',
      'rkt-9ix-0-a',
      'other',
    ]);
    expect(parseNetnsList('')).toEqual([]);
  });
});

describe('staleness', () => {
  test('a lab is stale when its owner is gone, reused, or not a harness lab at all', () => {
    const dead = spawnSync('true').pid!;
    expect(staleReason(makeLabId(dead, 0), undefined)).toBe(`owner pid ${dead} is gone`);
    expect(staleReason(undefined, undefined)).toBe('not a harness name');
    expect(staleReason('zz', undefined)).toBe('not a harness lab id');
    // our own pid: stale unless the lab is open in this process
    const mine = makeLabId(process.pid, 999);
    expect(staleReason(mine, undefined)).toBe('left by an earlier lab with this pid');
    openLabIdsForTest.add(mine);
    try {
      expect(staleReason(mine, undefined)).toBeUndefined();
    } finally {
      openLabIdsForTest.delete(mine);
    }
  });

  test('a live owner keeps its labs, unless its pid was reused or the lab is of the finished run', () => {
    const parent = process.ppid;
    const id = makeLabId(parent, 0);
    const meta = { id, label: 'x', pid: parent, created: '', namespaces: [] };
    expect(staleReason(id, meta)).toBeUndefined();
    expect(staleReason(id, { ...meta, startTime: '1' })).toBe(`owner pid ${parent} was reused`);
    expect(staleReason(id, { ...meta, run: 'r1' }, { run: 'r1' })).toBe('left by this test run');
    expect(staleReason(id, { ...meta, run: 'r1' }, { run: 'r2' })).toBeUndefined();
  });
});
