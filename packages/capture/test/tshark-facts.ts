import { execFile } from 'node:child_process';
import { requireTshark, vectorPath } from '@routekit/testkit';

/**
 * Per-file facts from tshark, from one `-T fields` run per file: frame count, TCP and
 * UDP conversation ids (`tcp.stream`, `udp.stream`), and per TCP stream direction the
 * bytes tshark saw: the union of the `[seq, seq + tcp.len)` ranges of every segment
 * (each byte counted once however often it was retransmitted), from raw sequence
 * numbers so nothing depends on tshark's relative-sequence analysis. Only captured
 * bytes count: the length of `tcp.payload` where tshark gives it, else `tcp.len`.
 */
export interface TsharkFacts {
  readonly frames: number;
  readonly tcpStreams: number;
  readonly udpStreams: number;
  /** `stream/src:port` → union byte count; only directions that carried data. */
  readonly tcpBytes: ReadonlyMap<string, number>;
  /** Frame numbers tshark dissected a TCP header in. */
  readonly tcpFrames: ReadonlySet<number>;
}

const FIELDS = [
  'frame.number',
  'tcp.stream',
  'udp.stream',
  'tcp.seq_raw',
  'tcp.len',
  'tcp.flags.syn',
  'tcp.srcport',
  'ip.src',
  'ipv6.src',
  'tcp.payload',
];

function run(file: string): Promise<string> {
  const args = ['-n', '-r', file, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a'];
  for (const f of FIELDS) args.push('-e', f);
  return new Promise((resolve, reject) => {
    execFile(
      'tshark',
      args,
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`tshark ${args.join(' ')} failed: ${err.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

const last = (cell: string | undefined): string => {
  const parts = (cell ?? '').split(',').filter((p) => p !== '');
  return parts[parts.length - 1] ?? '';
};

/** Run tshark on one vector file (path relative to the vectors root). */
export async function tsharkFacts(path: string): Promise<TsharkFacts> {
  const out = await run(vectorPath(path));
  const tcp = new Set<string>();
  const udp = new Set<string>();
  const tcpFrames = new Set<number>();
  const ranges = new Map<
    string,
    { syn: number | undefined; synData: number; segs: [number, number][] }
  >();
  let frames = 0;
  for (const line of out.split('\n')) {
    if (line === '') continue;
    frames++;
    const [number, tstream, ustream, seq, len, syn, sport, ip4, ip6, payload] = line.split('\t');
    for (const s of (ustream ?? '').split(',')) if (s !== '') udp.add(s);
    if ((tstream ?? '') === '') continue;
    // The innermost TCP header (ICMP errors quote an inner one after the outer).
    const stream = last(tstream);
    tcp.add(stream);
    tcpFrames.add(Number(number));
    const src = last(ip6) !== '' && last(ip4) === '' ? last(ip6) : last(ip4) || last(ip6);
    const key = `${stream}/${src}:${last(sport)}`;
    let r = ranges.get(key);
    if (r === undefined) {
      r = { syn: undefined, synData: 0, segs: [] };
      ranges.set(key, r);
    }
    const s = Number(last(seq));
    // tcp.len is what the headers claim; a frame cut by a snap length holds fewer
    // bytes, and tshark's tcp.payload field (hex) holds exactly the captured ones.
    const hex = last(payload);
    const n = hex !== '' ? hex.length / 2 : Number(last(len) || 0);
    const isSyn = last(syn) === '1' || last(syn) === 'True';
    if (isSyn && r.syn === undefined) {
      r.syn = s;
      r.synData = n;
    }
    if (n > 0) r.segs.push([isSyn ? s + 1 : s, n]);
  }
  const tcpBytes = new Map<string, number>();
  for (const [key, r] of ranges) {
    if (r.segs.length === 0) continue;
    let base = r.syn !== undefined ? (r.syn + 1) >>> 0 : r.segs[0]![0];
    // Data on a SYN that the next segment shows was not counted as a sequence number
    // (synthesised captures): the SYN's data starts at its own sequence number.
    const syn = r.syn;
    if (syn !== undefined && r.synData > 0) {
      const after = (syn + r.synData) >>> 0;
      const starts = (x: number) => r.segs.some(([q]) => q >>> 0 === x);
      if (starts(after) && !starts((after + 1) >>> 0)) {
        base = syn;
        const first = r.segs.find(([q, n]) => q === syn + 1 && n === r.synData);
        if (first !== undefined) first[0] = syn;
      }
    }
    const spans = r.segs
      .map(([s, n]) => {
        const start = (s - base) | 0;
        return [start, start + n] as const;
      })
      .sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [a, b] of spans) {
      const from = Math.max(a, end, r.syn !== undefined ? 0 : -Infinity);
      if (b > from) total += b - from;
      end = Math.max(end, b);
    }
    tcpBytes.set(key, total);
  }
  return { frames, tcpStreams: tcp.size, udpStreams: udp.size, tcpBytes, tcpFrames };
}

/** The tshark version line; throws with the install command when tshark is missing. */
export function tsharkOrFail(): string {
  return requireTshark();
}
