"""ExaBGP's own UPDATE decoder as a bench peer (run by bench/update.mjs).

stdin: one JSON object {"cases": [{"name", "sent": hex OPEN, "received": hex OPEN,
                                   "hex": whole UPDATE, "iterations", "runs"}]}
stdout: one JSON line per case {"name", "prefixes", "seconds", "runs": [prefixes/s, ...]}

The session is negotiated exactly as ExaBGP does it: Negotiated.sent()/received() with
the two OPENs, then Update.unpack_message(body, Direction.IN, negotiated) per message.
"""
import json
import os
import sys
import time

# ExaBGP's logger and environment read these; keep its output quiet.
os.environ.setdefault('exabgp_log_enable', 'false')

from exabgp.configuration.setup import environment  # noqa: E402

environment.setup('')

from exabgp.bgp.message.direction import Direction  # noqa: E402
from exabgp.bgp.message.open import Open  # noqa: E402
from exabgp.bgp.message.open.capability.negotiated import Negotiated  # noqa: E402
from exabgp.bgp.message.update import Update  # noqa: E402


def body(hexstr):
    raw = bytes.fromhex(hexstr)
    return raw[19:]


def main():
    job = json.load(sys.stdin)
    for case in job['cases']:
        sent = Open.unpack_message(body(case['sent']), Direction.OUT, None)
        received = Open.unpack_message(body(case['received']), Direction.IN, None)
        negotiated = Negotiated(None)
        negotiated.sent(sent)
        negotiated.received(received)
        data = body(case['hex'])
        n = case['iterations']
        update = Update.unpack_message(data, Direction.IN, negotiated)
        got = len(update.nlris)
        runs = []
        for _ in range(case.get('runs', 3)):
            t0 = time.perf_counter()
            for _ in range(n):
                Update.unpack_message(data, Direction.IN, negotiated)
            dt = time.perf_counter() - t0
            runs.append(got * n / dt)
        print(json.dumps({'name': case['name'], 'prefixes': got, 'runs': runs}), flush=True)


if __name__ == '__main__':
    main()
