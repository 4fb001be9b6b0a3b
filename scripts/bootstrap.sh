#!/usr/bin/env bash
# One command from a clean clone to a passing test suite, on a machine that has only
# Node.js (>= 20.19) and npm:
#   1. the Debian tools the tests use (tshark, tcpdump, bgpdump, FRR, BIRD, GoBGP,
#      ExaBGP, iproute2) — when run as root; otherwise it says what is missing;
#   2. pnpm 10 (corepack is not used: its signature check fails on some machines);
#   3. the workspace (`pnpm install`, frozen lockfile under CI);
#   4. the unit + property suite (`pnpm test`).
# Pass --no-test to stop after installing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then
  bash scripts/install-system.sh
else
  echo "bootstrap: not root, skipping Debian packages (run 'sudo bash scripts/install-system.sh' for the tshark-based and interop tests)" >&2
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != 10 ]; then
  npm install --global pnpm@10
fi
echo "bootstrap: node $(node --version), pnpm $(pnpm --version)"

pnpm install

if [ "${1:-}" != --no-test ]; then
  pnpm test
fi
