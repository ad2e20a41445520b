import { FifoLock } from '../database';

interface Held {
  lock: FifoLock;
  /** Callers holding or waiting for the key; the key is forgotten when this falls to zero. */
  holders: number;
}

/**
 * One first-in-first-out lock per key, created on first use and forgotten when its last holder
 * leaves, so a long-running process keeps only the keys in use (a map of every upload ever seen
 * would grow without end).
 */
export class KeyedLock {
  private readonly held = new Map<string, Held>();

  /** Runs `work` after every earlier holder of `key` has left; holders of other keys do not wait. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    let entry = this.held.get(key);
    if (!entry) {
      entry = { lock: new FifoLock(), holders: 0 };
      this.held.set(key, entry);
    }
    const held = entry;
    held.holders += 1;
    return held.lock.run(work).finally(() => {
      held.holders -= 1;
      if (held.holders === 0) this.held.delete(key);
    });
  }

  /** How many keys are held or waited for. */
  get size(): number {
    return this.held.size;
  }
}
