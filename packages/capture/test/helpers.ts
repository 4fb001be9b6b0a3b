import { gunzipSync } from 'node:zlib';
import { findVectors, loadVector } from '@routekit/testkit';

/** Every capture in the shared vectors, loaded (SHA-256 checked) once per test file. */
export const CAPTURE_PATTERN: RegExp = /\.(pcap|pcapng|cap)(\.gz)?$/;

let cache: { path: string; bytes: Uint8Array }[] | undefined;

export function realCaptures(): { path: string; bytes: Uint8Array }[] {
  cache ??= findVectors(CAPTURE_PATTERN).map((path) => ({ path, bytes: loadVector(path) }));
  return cache;
}

export const inflate = (b: Uint8Array): Uint8Array => gunzipSync(b);

/** Hex (whitespace allowed) to bytes. */
export function bytesOf(hex: string): Uint8Array {
  const clean = hex.replace(/#.*$/gm, '').replace(/\s+/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
}
