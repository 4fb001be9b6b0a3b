import { readmeExampleTests } from '@routekit/testkit';
import { unregisterDecoder } from '../src/index.js';

const EXPECTED: readonly string[] = [
  '{"frame":null,"flow":null,"protocol":"rip","message":{"protocol":"rip","command":"response","version":2,"entries":[{"afi":2,"address":"10.0.0.4","metric":1,"prefix":"10.0.0.4/30","tag":0,"mask":"255.255.255.252","nextHop":"0.0.0.0"}],"issues":[]}}',
  '0',
  '{"frame":null,"flow":null,"protocol":"bgp","message":{"kind":"update","withdrawn":[],"attributes":[{"kind":"origin","flags":64,"origin":"igp"},{"kind":"as-path","flags":64,"segments":[{"type":"sequence","asns":[65001]}]},{"kind":"next-hop","flags":64,"nextHop":"192.0.2.1"},{"kind":"communities","flags":192,"communities":["NO_EXPORT"]}],"nlri":["198.51.100.0/24"],"issues":[]}}',
  '0',
  '{"frame":null,"flow":null,"protocol":"bgp","message":{"kind":"keepalive","length":19}}',
  '0',
  'BGP  hex input\n  message\n    kind: keepalive\n    length: 19',
  '0',
  'stderr: routekit decode: --format must be json or tree, not xml\nRun `routekit decode --help` for usage.',
  '1',
  'stderr: routekit capture: cannot read missing.pcap: ENOENT',
  '2',
];

readmeExampleTests({
  readme: new URL('../README.md', import.meta.url),
  example: new URL('../examples/readme.ts', import.meta.url),
  run: () => import('../examples/readme.js'),
  expected: EXPECTED,
  cleanup: () => unregisterDecoder('bgp'),
});
