import { EventEmitter } from 'node:events';

/** Typed in-process fan-out: what commits here is announced to the listeners of this process. */
export class EventBus<T> {
  private readonly emitter = new EventEmitter();

  publish(event: T): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: T) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
