#!/usr/bin/env bash
# Install the system tools routekit's test tiers need, from Debian packages:
# the routing daemons the interop tier runs as real peers (FRR, BIRD 2, GoBGP,
# ExaBGP), the reference decoders (tshark, tcpdump, bgpdump) and iproute2 for
# network namespaces. Idempotent; safe to re-run.
#
# No daemon is left running in the root namespace: Debian's policy-rc.d keeps the
# postinst scripts from starting services on these machines, and we stop any that
# did start anyway.
set -euo pipefail

packages=(frr bird2 gobgpd exabgp tshark tcpdump bgpdump iproute2 dnsmasq knot-dnsutils psmisc procps)
binaries=(/usr/lib/frr/zebra /usr/lib/frr/bgpd /usr/lib/frr/ospfd /usr/lib/frr/ripd /usr/lib/frr/staticd
  vtysh bird birdc gobgpd gobgp exabgp tshark tcpdump bgpdump ip dnsmasq kdig)

missing() {
  local b
  for b in "${binaries[@]}"; do command -v "$b" >/dev/null 2>&1 || echo "$b"; done
}

if [ "$(id -u)" != 0 ]; then
  echo "install-system: must run as root (apt-get, network namespaces)" >&2
  exit 1
fi

if [ -z "$(missing)" ] && [ "${FORCE_APT:-}" = "" ]; then
  echo "install-system: every tool already present"
else
  # Another apt/dpkg may hold the lock right after boot: wait for it (up to 5 min).
  for _ in $(seq 150); do
    if ! fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock \
      /var/cache/apt/archives/lock >/dev/null 2>&1; then
      break
    fi
    echo "install-system: waiting for the apt lock" >&2
    sleep 2
  done
  export DEBIAN_FRONTEND=noninteractive
  # tshark asks whether non-root users may capture; answer it up front.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections || true
  apt_opts=(-y -q -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  apt-get update -q -o DPkg::Lock::Timeout=300
  apt-get install "${apt_opts[@]}" "${packages[@]}"
fi

# Make sure nothing from those packages runs in the root namespace.
for svc in frr bird bird2 dnsmasq gobgpd exabgp; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    systemctl stop "$svc" || true
  fi
done

left="$(missing)"
if [ -n "$left" ]; then
  echo "install-system: still missing after install: $left" >&2
  exit 1
fi
dpkg-query -W -f='${Package} ${Version}\n' frr bird2 gobgpd exabgp tshark tcpdump bgpdump iproute2
