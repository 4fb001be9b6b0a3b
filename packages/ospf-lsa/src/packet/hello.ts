import type { Reader, Writer } from '@routekit/wire';

/**
 * Hello packet body (RFC 2328 A.3.2).
 *
 * ```
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Network Mask                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         HelloInterval         |    Options    |    Rtr Pri    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     RouterDeadInterval                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Designated Router                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Backup Designated Router                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Neighbor                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface HelloBody {
  readonly kind: 'hello';
  readonly networkMask: number;
  readonly helloInterval: number;
  readonly options: number;
  readonly priority: number;
  readonly deadInterval: number;
  readonly designatedRouter: number;
  readonly backupDesignatedRouter: number;
  readonly neighbors: readonly number[];
}

export function readHello(r: Reader): HelloBody {
  const networkMask = r.u32('hello.network_mask');
  const helloInterval = r.u16('hello.interval');
  const options = r.u8('hello.options');
  const priority = r.u8('hello.priority');
  const deadInterval = r.u32('hello.dead_interval');
  const designatedRouter = r.u32('hello.dr');
  const backupDesignatedRouter = r.u32('hello.bdr');
  const neighbors: number[] = [];
  while (r.remaining >= 4) neighbors.push(r.u32('hello.neighbor'));
  return {
    kind: 'hello',
    networkMask,
    helloInterval,
    options,
    priority,
    deadInterval,
    designatedRouter,
    backupDesignatedRouter,
    neighbors,
  };
}

export function helloLength(b: HelloBody): number {
  return 20 + 4 * b.neighbors.length;
}

export function writeHello(w: Writer, b: HelloBody): void {
  w.u32(b.networkMask).u16(b.helloInterval).u8(b.options).u8(b.priority);
  w.u32(b.deadInterval).u32(b.designatedRouter).u32(b.backupDesignatedRouter);
  for (const n of b.neighbors) w.u32(n);
}
