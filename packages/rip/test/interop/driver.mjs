// A routekit RIP node for the interop tests: runs the built @routekit/rip inside a
// network namespace (`ip netns exec <ns> node driver.mjs '<config json>'`) and takes
// commands as JSON lines on a Unix socket (the lab runs it without a stdin):
//   {"cmd":"announce","prefix":"192.0.2.53/32","metric":1} | {"cmd":"withdraw","prefix":…}
//   {"cmd":"snapshot"} | {"cmd":"events"} | {"cmd":"stop"}
// Every reply is one JSON line; events are also logged to stdout with a timestamp.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { RipEngine, systemClock } from '@routekit/rip';
import { createNodeTransport } from '@routekit/rip/node';

const config = JSON.parse(process.argv[2]);
const family = config.family ?? 4;
const transport = await createNodeTransport({ family, interfaces: config.interfaces });
const engine = new RipEngine({
  family,
  interfaces: config.interfaces,
  transport,
  clock: systemClock,
  timers: config.timers ?? {},
});
const events = [];
engine.on((e) => {
  const line = { at: Date.now(), ...e, prefix: e.prefix && `${fmt(e.prefix)}` };
  if (e.nextHop) line.nextHop = addr(e.nextHop);
  events.push(line);
  console.log(JSON.stringify(line));
  // a minimal FIB sink for the lab (the engine itself never touches the kernel)
  if (config.fib && e.type === 'learned') {
    ip(['route', 'replace', line.prefix, 'via', line.nextHop, 'dev', e.ifname, 'proto', 'rip']);
  } else if (config.fib && e.type === 'lost') {
    ip(['route', 'del', line.prefix, 'proto', 'rip']);
  }
});

function ip(args) {
  execFile('ip', family === 6 ? ['-6', ...args] : args, (err) => {
    if (err) console.log(JSON.stringify({ at: Date.now(), fibError: String(err) }));
  });
}
engine.start();
for (const a of config.announce ?? []) engine.announce(a.prefix, a.metric ?? 1);

function addr(a) {
  if (a.family === 4) return [24, 16, 8, 0].map((s) => (a.value >>> s) & 255).join('.');
  return a.words.map((w) => `${(w >>> 16).toString(16)}:${(w & 0xffff).toString(16)}`).join(':');
}
function fmt(p) {
  return `${addr(p.address)}/${p.length}`;
}

rmSync(config.socket, { force: true });
const server = createServer((conn) => {
  let buf = '';
  conn.on('data', (chunk) => {
    buf += chunk;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      let reply;
      try {
        const c = JSON.parse(line);
        if (c.cmd === 'announce') engine.announce(c.prefix, c.metric ?? 1);
        else if (c.cmd === 'withdraw') engine.withdraw(c.prefix);
        if (c.cmd === 'snapshot') reply = engine.snapshot();
        else if (c.cmd === 'events') reply = events.splice(0);
        else if (c.cmd === 'stop') {
          engine.stop();
          server.close();
          reply = { ok: true };
          setTimeout(() => process.exit(0), 50);
        } else reply = { ok: true, at: Date.now() };
      } catch (e) {
        reply = { error: String(e) };
      }
      conn.write(`${JSON.stringify(reply)}\n`);
    }
  });
});
server.listen(config.socket, () => console.log(JSON.stringify({ at: Date.now(), ready: true })));
