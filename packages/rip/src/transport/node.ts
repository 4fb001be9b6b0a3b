/**
 * RIP over real UDP sockets (Node `dgram`): port 520 with 224.0.0.9 joined on every
 * interface (RIPv2), or port 521 with ff02::9 (RIPng). The only file of the engine that
 * imports `node:*`.
 *
 * One wildcard socket receives the multicast traffic (the interface is found from the
 * source address: its subnet for IPv4, its zone for IPv6 link-local); one socket per
 * interface, bound to the interface address and port 520/521, sends (so the source
 * port is 520/521 as RFC 2453 §3.9.2 requires) and receives unicast.
 */
import { createSocket, type Socket } from 'node:dgram';
import { containsAddress, type Prefix, parseAddress, parsePrefix } from '@routekit/prefix';
import { RIP_MULTICAST, RIP_PORT, RIPNG_MULTICAST, RIPNG_PORT } from '@routekit/rip-codec';
import type { RipDatagram, RipTransport } from '../transport.js';

export interface NodeTransportInterface {
  /** Interface name (as the kernel knows it, and as the engine's interface is named). */
  readonly name: string;
  /** The interface address with prefix length (`10.0.12.2/24`, `fe80::2/64`). */
  readonly address: string;
}

export interface NodeTransportOptions {
  readonly family?: 4 | 6;
  readonly interfaces: readonly NodeTransportInterface[];
  /** Default 520 (IPv4) / 521 (IPv6). */
  readonly port?: number;
}

interface Bound {
  readonly name: string;
  readonly ip: string;
  readonly subnet: Prefix;
  readonly socket: Socket;
}

/**
 * Bind, retrying for a while on EADDRNOTAVAIL: an IPv6 link-local address is unusable
 * until duplicate address detection ends (about 1–2 s after the link comes up).
 */
async function bind(socket: Socket, port: number, address?: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await bindOnce(socket, port, address);
      return;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'EADDRNOTAVAIL' || attempt >= 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function bindOnce(socket: Socket, port: number, address?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ port, ...(address === undefined ? {} : { address }), exclusive: false }, () => {
      socket.off('error', reject);
      resolve();
    });
  });
}

/** Open the sockets and join the group; resolves to a transport for a `RipEngine`. */
export async function createNodeTransport(options: NodeTransportOptions): Promise<RipTransport> {
  const family = options.family ?? 4;
  const port = options.port ?? (family === 4 ? RIP_PORT : RIPNG_PORT);
  const group = family === 4 ? RIP_MULTICAST : RIPNG_MULTICAST;
  const type = family === 4 ? 'udp4' : 'udp6';
  let handler: ((d: RipDatagram) => void) | undefined;
  const bound: Bound[] = [];

  const deliver = (
    bytes: Uint8Array,
    rinfo: { address: string; port: number },
    multicast: boolean,
    via?: Bound,
  ): void => {
    const [address, zone] = rinfo.address.split('%') as [string, string | undefined];
    let iface = via;
    if (iface === undefined) {
      if (zone !== undefined) iface = bound.find((b) => b.name === zone);
      if (iface === undefined) {
        const a = parseAddress(address);
        if (a.ok) iface = bound.find((b) => containsAddress(b.subnet, a.value));
      }
    }
    if (iface === undefined || handler === undefined) return;
    handler({
      ifname: iface.name,
      source: address,
      sourcePort: rinfo.port,
      multicast,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
  };

  const wildcard = createSocket({ type, reuseAddr: true });
  await bind(wildcard, port, family === 4 ? '0.0.0.0' : '::');
  for (const i of options.interfaces) {
    const slash = i.address.indexOf('/');
    const ip = slash < 0 ? i.address : i.address.slice(0, slash);
    const subnet = parsePrefix(i.address, { hostBits: 'mask' });
    if (!subnet.ok) throw new RangeError(`bad interface address ${i.address}`);
    const scoped = family === 6 ? `${ip}%${i.name}` : ip;
    wildcard.addMembership(group, family === 6 ? `::%${i.name}` : ip);
    const socket = createSocket({ type, reuseAddr: true });
    await bind(socket, port, scoped);
    socket.setMulticastInterface(family === 6 ? `::%${i.name}` : ip);
    // RIPng: hop limit 255 (RFC 2080 §2.4.2; BIRD drops anything else); RIPv2: TTL 1
    socket.setMulticastTTL(family === 6 ? 255 : 1);
    if (family === 6) socket.setTTL(255);
    socket.setMulticastLoopback(false);
    if (family === 4) socket.setBroadcast(true); // RIPv1 updates
    const b: Bound = { name: i.name, ip, subnet: subnet.value, socket };
    socket.on('message', (msg, rinfo) => deliver(msg, rinfo, false, b));
    bound.push(b);
  }
  wildcard.on('message', (msg, rinfo) => deliver(msg, rinfo, true));

  return {
    send(ifname, bytes, destination) {
      const b = bound.find((x) => x.name === ifname);
      if (b === undefined) return;
      let to = destination?.address ?? group;
      if (family === 6 && (to.startsWith('fe80') || to.startsWith('ff02')) && !to.includes('%')) {
        to = `${to}%${ifname}`;
      }
      b.socket.send(bytes, destination?.port ?? port, to);
    },
    listen(h) {
      handler = h;
    },
    close() {
      handler = undefined;
      wildcard.close();
      for (const b of bound) b.socket.close();
    },
  };
}
