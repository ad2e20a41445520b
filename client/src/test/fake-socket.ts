import type { ClientToServerEvents, ServerToClientEvents } from '@jit/shared';
import type { RealtimeSocket } from '../lib/realtime';

type Listener = (...args: never[]) => void;
type Ack = (...args: unknown[]) => void;

/** A request the client sent: its event, its arguments and (when it asked for one) its answer. */
export interface SentRequest {
  event: keyof ClientToServerEvents;
  args: unknown[];
  ack: Ack | null;
  /** Set by `timeout()`: the answer then starts with an error argument (null when answered in time). */
  timed: boolean;
}

/** Just enough of a socket.io client socket: the test plays the server. */
export class FakeSocket {
  connected = false;
  active = true;
  disconnected = false;
  readonly sent: SentRequest[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  private timed = false;

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  off(name: string, listener: Listener): this {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }
  disconnect(): this {
    this.disconnected = true;
    this.connected = false;
    this.active = false;
    return this;
  }
  timeout(): this {
    // socket.io returns a flagged copy; a flag on this object is enough for one emit at a time.
    this.timed = true;
    return this;
  }
  emit(event: keyof ClientToServerEvents, ...args: unknown[]): this {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as Ack) : null;
    this.sent.push({ event, args: ack ? args.slice(0, -1) : args, ack, timed: this.timed });
    this.timed = false;
    return this;
  }
  /** Answers the latest request of that event that has an answer to give. */
  answer(event: keyof ClientToServerEvents, result: unknown): void {
    const request = this.sent.filter((r) => r.event === event && r.ack).at(-1);
    if (!request?.ack) throw new Error(`no ${event} request to answer`);
    if (request.timed) request.ack(null, result);
    else request.ack(result);
  }
  sentOf(event: keyof ClientToServerEvents): unknown[][] {
    return this.sent.filter((r) => r.event === event).map((r) => r.args);
  }
  fire<E extends keyof ServerToClientEvents>(name: E | 'connect' | 'disconnect' | 'connect_error', ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
  serverConnects(): void {
    this.connected = true;
    this.fire('connect');
  }
  transportDrops(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  /** The server closes the socket (an ended session, a disabled account): socket.io does not reconnect then. */
  serverDisconnects(): void {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }
  /** A socket factory for the provider (an arrow, so it may be passed around unbound). */
  readonly asSocket = (): RealtimeSocket => this as unknown as RealtimeSocket;
}
