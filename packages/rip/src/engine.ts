import {
  type Address,
  addressEquals,
  containsAddress,
  formatAddress,
  formatPrefix,
  ipv4,
  isLinkLocal,
  type Prefix,
  parseAddress,
  parsePrefix,
  prefixMask,
} from '@routekit/prefix';
import type { Rib, RibChange, Route } from '@routekit/rib';
import { RIP_PORT, RIPNG_PORT, verifyRipPacket } from '@routekit/rip-codec';
import { type Clock, systemClock, type TimerHandle } from './clock.js';
import {
  makeInterface,
  type RipCounters,
  type RipInterface,
  type RipInterfaceConfig,
} from './interface.js';
import {
  type InRoute,
  type OutRoute,
  readPacket,
  type SignWith,
  writeResponses,
  writeWholeTableRequest,
} from './packets.js';
import {
  type Advert,
  type Best,
  bestMetric,
  RipTable,
  selectBest,
  type TableEntry,
} from './table.js';
import { type RipTimers, resolveTimers } from './timers.js';
import type { RipDatagram, RipDestination, RipTransport } from './transport.js';

/** Which routes of the RIB to redistribute into RIP, and at what metric. */
export interface RedistributeRule {
  /** Metric to advertise (default 1). */
  readonly metric?: number;
  /** Keep only the routes this returns true for. */
  readonly filter?: (route: Route) => boolean;
}

export interface RipEngineOptions {
  /** 4: RIPv1/v2 on UDP 520; 6: RIPng on UDP 521. Default 4. */
  readonly family?: 4 | 6;
  readonly interfaces: readonly RipInterfaceConfig[];
  readonly transport: RipTransport;
  /** Default {@link systemClock}. */
  readonly clock?: Clock;
  /** Uniform [0, 1) source for jitter and damping (default `Math.random`). */
  readonly random?: () => number;
  /** Any timer, in milliseconds; the rest default to RFC 2453's. */
  readonly timers?: Partial<RipTimers>;
  /** Learned routes go here as `source: rip:<ifname>`; redistribution reads it. */
  readonly rib?: Rib;
  /** Administrative distance of learned routes in the RIB (default 120). */
  readonly distance?: number;
  /**
   * Redistribute the RIB's selected routes by source: `connected`, `static`, or any
   * other non-RIP source (`rib`).
   */
  readonly redistribute?: {
    readonly connected?: RedistributeRule;
    readonly static?: RedistributeRule;
    readonly rib?: RedistributeRule;
  };
  /** Refuse learned routes (treated as unreachable) when this returns false. */
  readonly importFilter?: (route: {
    readonly prefix: Prefix;
    readonly metric: number;
    readonly ifname: string;
    readonly neighbor: Address;
  }) => boolean;
}

/** Events for the anycast use and for logs. */
export type RipEvent =
  | {
      readonly type: 'learned';
      readonly prefix: Prefix;
      readonly metric: number;
      readonly nextHop: Address;
      readonly ifname: string;
    }
  | { readonly type: 'lost'; readonly prefix: Prefix }
  | {
      readonly type: 'refused';
      readonly ifname: string;
      readonly source: string;
      readonly reason: string;
    };

/** One route of {@link RipEngine.snapshot}. */
export interface RipRouteJson {
  readonly prefix: string;
  readonly metric: number;
  readonly state: 'local' | 'learned' | 'garbage';
  readonly origin?: string;
  readonly nextHop?: string;
  readonly interface?: string;
  readonly tag: number;
  /** Milliseconds left of the timeout (learned) or garbage-collection timer. */
  readonly expiresInMs?: number;
  /** Every neighbour's latest advertisement, best first. */
  readonly adverts: readonly {
    readonly neighbor: string;
    readonly interface: string;
    readonly metric: number;
    readonly nextHop: string;
    readonly expiresInMs: number;
  }[];
}

/** The RIP table as JSON. */
export interface RipSnapshot {
  readonly family: 4 | 6;
  readonly now: number;
  readonly routes: readonly RipRouteJson[];
  readonly interfaces: readonly { readonly name: string; readonly counters: RipCounters }[];
}

/**
 * A RIPv2 (RFC 2453) or RIPng (RFC 2080) router process. Clock and transport are
 * injected, so the same engine runs in tests on a virtual clock, in a simulator and on
 * UDP sockets (`transport/node.ts`).
 */
export class RipEngine {
  readonly family: 4 | 6;
  readonly timers: RipTimers;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #transport: RipTransport;
  readonly #rib: Rib | undefined;
  readonly #distance: number;
  readonly #options: RipEngineOptions;
  readonly #ifaces = new Map<string, RipInterface>();
  readonly #table = new RipTable();
  readonly #listeners = new Set<(e: RipEvent) => void>();
  #periodic: TimerHandle | undefined;
  #triggerSoon: TimerHandle | undefined;
  #damping: TimerHandle | undefined;
  #triggerPending = false;
  #sequence = 0;
  #started = false;
  #unsubscribeRib: (() => void) | undefined;

  constructor(options: RipEngineOptions) {
    this.family = options.family ?? 4;
    this.timers = resolveTimers(options.timers);
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#transport = options.transport;
    this.#rib = options.rib;
    this.#distance = options.distance ?? 120;
    this.#options = options;
    for (const c of options.interfaces) {
      if (this.#ifaces.has(c.name)) throw new RangeError(`interface ${c.name} configured twice`);
      this.#ifaces.set(c.name, makeInterface(c, this.family));
    }
  }

  /** Subscribe to events; returns the unsubscribe function. */
  on(listener: (e: RipEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Start: listen, advertise connected subnets, request every neighbour's table. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#transport.listen((d) => this.receive(d));
    for (const i of this.#ifaces.values()) {
      // a link-local subnet (RIPng interfaces) is never advertised
      if ((i.config.advertiseConnected ?? true) && !isLinkLocal(i.subnet.address)) {
        this.#setLocal(i.subnet, 'connected', 1, 0);
      }
    }
    if (this.#rib !== undefined && this.#options.redistribute !== undefined) {
      const rib = this.#rib;
      this.#unsubscribeRib = rib.subscribe((changes) => {
        // the RIB is not writable from its listener: apply on the next tick
        this.#clock.set(() => this.#redistribute(changes), 0);
      });
      for (const p of rib.prefixes()) this.#redistributePrefix(p);
    }
    for (const i of this.#ifaces.values()) {
      if (i.passive) continue;
      this.#send(i, writeWholeTableRequest(this.family, i.sendVersion, this.#signWith(i)));
    }
    this.#schedulePeriodic();
  }

  /** Stop every timer and the transport; learned routes leave the RIB. Nothing is sent. */
  stop(): void {
    if (!this.#started) return;
    this.#started = false;
    for (const t of [this.#periodic, this.#triggerSoon, this.#damping]) {
      if (t !== undefined) this.#clock.clear(t);
    }
    this.#periodic = this.#triggerSoon = this.#damping = undefined;
    this.#unsubscribeRib?.();
    for (const e of this.#table.entries()) {
      for (const a of e.adverts.values()) this.#clock.clear(a.timer);
      if (e.garbage !== undefined) this.#clock.clear(e.garbage.timer);
      if (e.best?.kind === 'learned') this.#rib?.remove(e.prefix, `rip:${e.best.advert.ifname}`);
    }
    this.#transport.close?.();
  }

  /** Announce `prefix` (the anycast /32 on a loopback, say) with `metric` (default 1). */
  announce(prefix: Prefix | string, metric = 1, tag = 0): void {
    if (!Number.isInteger(metric) || metric < 1 || metric > 15) {
      throw new RangeError(`metric ${metric} not in 1..15`);
    }
    this.#setLocal(this.#prefix(prefix), 'announce', metric, tag);
  }

  /**
   * Stop announcing `prefix`: a triggered update with metric 16 (or the fallback route)
   * goes out at once, even inside the 1–5 s damping window of an earlier triggered
   * update — the point is to move anycast traffic away now.
   */
  withdraw(prefix: Prefix | string): void {
    const p = this.#prefix(prefix);
    const e = this.#table.get(p);
    if (e === undefined || !e.local.delete('announce')) return;
    this.#update(e);
    if (this.#started && e.changed) {
      if (this.#triggerSoon !== undefined) this.#clock.clear(this.#triggerSoon);
      this.#triggerSoon = undefined;
      if (this.#damping !== undefined) this.#clock.clear(this.#damping);
      this.#damping = undefined;
      this.#sendTriggered();
    }
  }

  /** The RIP table as JSON (every neighbour's advertisement included). */
  snapshot(): RipSnapshot {
    const now = this.#clock.now();
    const routes: RipRouteJson[] = [];
    for (const e of this.#table.entries()) {
      const adverts = [...e.adverts.values()]
        .sort((a, b) => a.metric - b.metric || (a.key < b.key ? -1 : 1))
        .map((a) => ({
          neighbor: formatAddress(a.neighbor),
          interface: a.ifname,
          metric: a.metric,
          nextHop: formatAddress(a.nextHop),
          expiresInMs: Math.max(0, a.expiresAt - now),
        }));
      const b = e.best;
      const base = { prefix: formatPrefix(e.prefix), adverts };
      if (b === undefined) {
        routes.push({
          ...base,
          metric: 16,
          state: 'garbage',
          tag: 0,
          ...(e.garbage === undefined ? {} : { expiresInMs: Math.max(0, e.garbage.until - now) }),
        });
      } else if (b.kind === 'local') {
        routes.push({ ...base, metric: b.metric, state: 'local', origin: b.origin, tag: b.tag });
      } else {
        const a = b.advert;
        routes.push({
          ...base,
          metric: a.metric,
          state: 'learned',
          nextHop: formatAddress(a.nextHop),
          interface: a.ifname,
          tag: a.tag,
          expiresInMs: Math.max(0, a.expiresAt - now),
        });
      }
    }
    routes.sort((x, y) => (x.prefix < y.prefix ? -1 : x.prefix > y.prefix ? 1 : 0));
    return {
      family: this.family,
      now,
      routes,
      interfaces: [...this.#ifaces.values()].map((i) => ({
        name: i.name,
        counters: { ...i.counters },
      })),
    };
  }

  /** Counters of one interface. */
  counters(ifname: string): RipCounters | undefined {
    const i = this.#ifaces.get(ifname);
    return i === undefined ? undefined : { ...i.counters };
  }

  // ------------------------------------------------------------------ input

  /** Handle one datagram (the transport calls this; tests may too). */
  receive(d: RipDatagram): void {
    const iface = this.#ifaces.get(d.ifname);
    if (iface === undefined || !this.#started) return;
    const source = parseAddress(d.source);
    if (!source.ok || source.value.family !== this.family) {
      iface.counters.badPackets++;
      return;
    }
    const from = source.value;
    for (const i of this.#ifaces.values()) if (addressEquals(i.address, from)) return; // our own
    iface.counters.packetsReceived++;
    const p = readPacket(this.family, d.bytes, iface);
    if (p === undefined || !iface.acceptVersions.includes(Math.min(p.version, 2))) {
      iface.counters.badPackets++;
      return;
    }
    if (this.family === 4 && !this.#authenticate(iface, d, p.rip, p.version)) return;
    if (p.kind === 'request') {
      iface.counters.requestsReceived++;
      this.#answerRequest(iface, d, p.wholeTable, p.prefixes);
      return;
    }
    if (p.kind !== 'response') return;
    const port = this.family === 4 ? RIP_PORT : RIPNG_PORT;
    const onLink = this.family === 4 ? containsAddress(iface.subnet, from) : isLinkLocal(from);
    if (d.sourcePort !== port || !onLink) {
      iface.counters.badPackets++;
      return;
    }
    iface.counters.badRoutes += p.badRoutes;
    for (const r of p.routes) this.#learn(iface, from, r);
  }

  #authenticate(
    iface: RipInterface,
    d: RipDatagram,
    packet: Parameters<typeof verifyRipPacket>[1] | undefined,
    version: number,
  ): boolean {
    const keys = iface.config.auth?.keys;
    const refuse = (reason: string): false => {
      iface.counters.authFailures++;
      this.#emit({ type: 'refused', ifname: iface.name, source: d.source, reason });
      return false;
    };
    if (packet === undefined) return true;
    if (keys === undefined || keys.length === 0) {
      return packet.auth === undefined ? true : refuse('authenticated packet, no keys configured');
    }
    if (version < 2) return refuse('RIPv1 packet on an authenticated interface');
    const r = verifyRipPacket(d.bytes, packet, keys);
    if (!r.ok) return refuse(r.reason);
    if (r.sequence !== undefined) {
      // RFC 4822 §2.3: non-decreasing per neighbour; a neighbour silent for a whole
      // timeout is forgotten, so a restarted one (sequence back at 0) is heard again
      const now = this.#clock.now();
      const last = iface.sequences.get(d.source);
      if (last !== undefined && r.sequence < last.sequence && now - last.at < this.timers.timeout) {
        return refuse('sequence number went back');
      }
      iface.sequences.set(d.source, { sequence: r.sequence, at: now });
    }
    return true;
  }

  #learn(iface: RipInterface, neighbor: Address, r: InRoute): void {
    let metric = Math.min(r.metric + iface.cost, 16);
    const filter = this.#options.importFilter;
    if (
      metric < 16 &&
      filter !== undefined &&
      !filter({ prefix: r.prefix, metric, ifname: iface.name, neighbor })
    ) {
      metric = 16;
    }
    let nextHop = neighbor;
    if (r.nextHop !== undefined) {
      const usable =
        this.family === 4
          ? containsAddress(iface.subnet, r.nextHop) && !addressEquals(r.nextHop, iface.address)
          : isLinkLocal(r.nextHop);
      if (usable) nextHop = r.nextHop;
    }
    const key = `${iface.name}|${formatAddress(neighbor)}`;
    const existing = this.#table.get(r.prefix);
    if (metric >= 16) {
      const old = existing?.adverts.get(key);
      if (existing === undefined || old === undefined) return;
      this.#clock.clear(old.timer);
      existing.adverts.delete(key);
      this.#update(existing);
      return;
    }
    const e = existing ?? this.#table.ensure(r.prefix);
    const old = e.adverts.get(key);
    if (old !== undefined) this.#clock.clear(old.timer);
    const timer = this.#clock.set(() => {
      if (e.adverts.get(key)?.timer !== timer) return;
      e.adverts.delete(key);
      this.#update(e);
    }, this.timers.timeout);
    const advert: Advert = {
      key,
      ifname: iface.name,
      neighbor,
      metric,
      nextHop,
      tag: r.tag,
      expiresAt: this.#clock.now() + this.timers.timeout,
      timer,
    };
    e.adverts.set(key, advert);
    this.#update(e);
  }

  // ------------------------------------------------------------------ table

  #prefix(p: Prefix | string): Prefix {
    if (typeof p !== 'string') return p;
    const r = parsePrefix(p, { family: this.family });
    if (!r.ok) throw new RangeError(`bad prefix ${p}`);
    return r.value;
  }

  #setLocal(prefix: Prefix, origin: string, metric: number, tag: number): void {
    const e = this.#table.ensure(prefix);
    e.local.set(origin, { metric, tag, origin });
    this.#update(e);
  }

  /** Re-select the best route of `e`; on a change, sync the RIB, emit, trigger an update. */
  #update(e: TableEntry): void {
    const old = e.best;
    const best = selectBest(e);
    if (!sameBest(old, best)) {
      e.best = best;
      e.changed = true;
      this.#syncRib(e.prefix, old, best);
      if (best?.kind === 'learned') {
        const a = best.advert;
        this.#emit({
          type: 'learned',
          prefix: e.prefix,
          metric: a.metric,
          nextHop: a.nextHop,
          ifname: a.ifname,
        });
      } else if (old?.kind === 'learned') {
        this.#emit({ type: 'lost', prefix: e.prefix });
      }
      if (best === undefined && old !== undefined) {
        // RFC 2453 §3.8: advertise metric 16 for the garbage-collection time, then delete
        const timer = this.#clock.set(() => {
          if (e.garbage?.timer !== timer) return;
          e.garbage = undefined;
          if (e.best === undefined) this.#table.delete(e.prefix);
        }, this.timers.garbage);
        e.garbage = { until: this.#clock.now() + this.timers.garbage, timer };
      }
      if (best !== undefined && e.garbage !== undefined) {
        this.#clock.clear(e.garbage.timer);
        e.garbage = undefined;
      }
      if (this.#started) this.#scheduleTriggered();
    }
    if (e.best === undefined && e.garbage === undefined && e.adverts.size === 0) {
      this.#table.delete(e.prefix);
    }
  }

  #syncRib(prefix: Prefix, old: Best | undefined, best: Best | undefined): void {
    const rib = this.#rib;
    if (rib === undefined) return;
    const oldIf = old?.kind === 'learned' ? old.advert.ifname : undefined;
    const newIf = best?.kind === 'learned' ? best.advert.ifname : undefined;
    if (oldIf !== undefined && oldIf !== newIf) rib.remove(prefix, `rip:${oldIf}`);
    if (best?.kind === 'learned') {
      const a = best.advert;
      rib.add({
        prefix,
        nextHops: [{ address: a.nextHop, interface: a.ifname }],
        source: `rip:${a.ifname}`,
        distance: this.#distance,
        metric: a.metric,
        attrs: { tag: a.tag, neighbor: formatAddress(a.neighbor) },
      });
    }
  }

  #redistribute(changes: readonly RibChange[]): void {
    if (!this.#started) return;
    for (const c of changes) this.#redistributePrefix(c.prefix);
  }

  #redistributePrefix(prefix: Prefix): void {
    const rules = this.#options.redistribute;
    const rib = this.#rib;
    if (rules === undefined || rib === undefined || prefix.family !== this.family) return;
    const best = rib.get(prefix)?.best;
    const proto = best?.source.split(':')[0];
    const rule =
      best === undefined || proto === 'rip'
        ? undefined
        : proto === 'connected'
          ? rules.connected
          : proto === 'static'
            ? rules.static
            : rules.rib;
    const e = this.#table.get(prefix);
    const origin = best === undefined ? undefined : `redistribute:${best.source}`;
    if (e !== undefined) {
      for (const k of [...e.local.keys()]) {
        if (k.startsWith('redistribute:') && k !== origin) e.local.delete(k);
      }
    }
    if (rule !== undefined && best !== undefined && (rule.filter?.(best) ?? true)) {
      this.#setLocal(prefix, origin!, rule.metric ?? 1, 0);
    } else if (e !== undefined) {
      if (origin !== undefined) e.local.delete(origin);
      this.#update(e);
    }
  }

  #emit(e: RipEvent): void {
    for (const l of this.#listeners) l(e);
  }

  // ------------------------------------------------------------------ output

  #signWith(i: RipInterface): SignWith | undefined {
    const key = i.config.auth?.keys[0];
    if (key === undefined || this.family === 6) return undefined;
    this.#sequence = Math.max(this.#sequence + 1, Math.floor(this.#clock.now() / 1000));
    this.#sequence >>>= 0;
    const adl = i.config.auth?.authDataLength;
    return adl === undefined
      ? { key, sequence: this.#sequence }
      : { key, sequence: this.#sequence, authDataLength: adl };
  }

  #send(i: RipInterface, bytes: Uint8Array, to?: RipDestination): void {
    i.counters.packetsSent++;
    let dest = to;
    if (dest === undefined && this.family === 4 && i.sendVersion === 1 && i.subnet.family === 4) {
      // RIPv1 has no multicast group: updates go to the subnet broadcast (RFC 1058 §3.4)
      const mask = prefixMask(i.subnet).value;
      const bcast = ipv4((i.subnet.address.value | ~mask) >>> 0);
      dest = { address: formatAddress(bcast), port: RIP_PORT, broadcast: true };
    }
    if (dest === undefined) this.#transport.send(i.name, bytes);
    else this.#transport.send(i.name, bytes, dest);
  }

  /** The routes to advertise on `i` (split horizon applied). */
  #routesFor(i: RipInterface, onlyChanged: boolean, splitHorizon: boolean): OutRoute[] {
    const out: OutRoute[] = [];
    for (const e of this.#table.entries()) {
      if (onlyChanged && !e.changed) continue;
      let metric = bestMetric(e.best);
      const b = e.best;
      if (splitHorizon && b?.kind === 'learned' && b.advert.ifname === i.name) {
        if (i.splitHorizon === 'poisoned-reverse') metric = 16;
        else if (i.splitHorizon === 'simple') {
          // a changed route that is now suppressed is poisoned once so the neighbour learns
          if (!onlyChanged) continue;
          metric = 16;
        }
      }
      const tag = b?.kind === 'local' ? b.tag : b?.kind === 'learned' ? b.advert.tag : 0;
      out.push({ prefix: e.prefix, metric, tag });
    }
    return out;
  }

  #sendUpdate(i: RipInterface, onlyChanged: boolean): void {
    const routes = this.#routesFor(i, onlyChanged, true);
    if (routes.length === 0) return;
    const signWith = this.#signWith(i);
    for (const bytes of writeResponses(this.family, i.sendVersion, routes, signWith)) {
      this.#send(i, bytes);
    }
    if (onlyChanged) i.counters.triggeredUpdates++;
    else i.counters.updatesSent++;
  }

  #answerRequest(
    i: RipInterface,
    d: RipDatagram,
    wholeTable: boolean,
    prefixes: readonly Prefix[],
  ): void {
    const port = this.family === 4 ? RIP_PORT : RIPNG_PORT;
    // RFC 2453 §3.9.1: a silent (passive) router answers only requests not from port 520
    if (i.passive && d.sourcePort === port) return;
    const to = { address: d.source, port: d.sourcePort };
    let routes: OutRoute[];
    if (wholeTable) routes = this.#routesFor(i, false, d.sourcePort === port);
    else {
      routes = prefixes.map((p) => {
        const e = this.#table.get(p);
        return { prefix: p, metric: bestMetric(e?.best), tag: 0 };
      });
    }
    if (routes.length === 0) return;
    const signWith = this.#signWith(i);
    for (const bytes of writeResponses(this.family, i.sendVersion, routes, signWith)) {
      this.#send(i, bytes, to);
    }
  }

  #jittered(): number {
    const j = this.timers.jitter;
    return this.timers.update - j + 2 * j * this.#random();
  }

  #schedulePeriodic(): void {
    this.#periodic = this.#clock.set(() => {
      this.#periodicUpdate();
      this.#schedulePeriodic();
    }, this.#jittered());
  }

  #periodicUpdate(): void {
    for (const i of this.#ifaces.values()) if (!i.passive) this.#sendUpdate(i, false);
    for (const e of this.#table.entries()) e.changed = false;
    // RFC 2453 §3.10.1: a regular update makes a pending triggered update unnecessary
    this.#triggerPending = false;
  }

  #scheduleTriggered(): void {
    if (this.#triggerSoon !== undefined || this.#damping !== undefined) {
      this.#triggerPending = true;
      return;
    }
    // on the next tick, so one received packet's changes leave in one update
    this.#triggerSoon = this.#clock.set(() => {
      this.#triggerSoon = undefined;
      this.#sendTriggered();
    }, 0);
  }

  #sendTriggered(): void {
    for (const i of this.#ifaces.values()) if (!i.passive) this.#sendUpdate(i, true);
    for (const e of this.#table.entries()) e.changed = false;
    this.#triggerPending = false;
    const { triggeredMin: lo, triggeredMax: hi } = this.timers;
    this.#damping = this.#clock.set(
      () => {
        this.#damping = undefined;
        if (this.#triggerPending) this.#sendTriggered();
      },
      lo + (hi - lo) * this.#random(),
    );
  }
}

function sameBest(a: Best | undefined, b: Best | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'local' || b.kind === 'local') {
    return (
      a.kind === 'local' &&
      b.kind === 'local' &&
      a.metric === b.metric &&
      a.tag === b.tag &&
      a.origin === b.origin
    );
  }
  const x = a.advert;
  const y = b.advert;
  return (
    x.key === y.key &&
    x.metric === y.metric &&
    x.tag === y.tag &&
    addressEquals(x.nextHop, y.nextHop)
  );
}
