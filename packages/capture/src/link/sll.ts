import type { Reader } from '@routekit/wire';

/**
 * Linux "cooked" capture, version 1 (LINKTYPE_LINUX_SLL, 113;
 * https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html).
 *
 * ```text
 * +---------------------------+
 * |         Packet type       | 2
 * |        ARPHRD_ type       | 2
 * | Link-layer address length | 2
 * |    Link-layer address     | 8
 * |        Protocol type      | 2  (an EtherType for most ARPHRD types)
 * +---------------------------+
 * ```
 */
export function readSll(r: Reader): number {
  r.skip(2, 'sll.pkttype');
  r.skip(2, 'sll.hatype');
  r.skip(2, 'sll.halen');
  r.skip(8, 'sll.src');
  return r.u16('sll.etype');
}

/**
 * Linux "cooked" capture, version 2 (LINKTYPE_LINUX_SLL2, 276).
 *
 * ```text
 * +---------------------------+
 * |        Protocol type      | 2
 * |          Reserved         | 2
 * |      Interface index      | 4
 * |        ARPHRD_ type       | 2
 * |        Packet type        | 1
 * | Link-layer address length | 1
 * |    Link-layer address     | 8
 * +---------------------------+
 * ```
 */
export function readSll2(r: Reader): number {
  const type = r.u16('sll.etype');
  r.skip(2, 'sll.reserved');
  r.skip(4, 'sll.ifindex');
  r.skip(2, 'sll.hatype');
  r.skip(1, 'sll.pkttype');
  r.skip(1, 'sll.halen');
  r.skip(8, 'sll.src');
  return type;
}
