import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/** A first-in-first-out lock: each caller waits for the one before it. */
export class FifoLock {
  private tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Locks the rows `query` reads until its transaction ends (`SELECT … FOR UPDATE`). SQLite has no row
 * locks and needs none: `Transactions` already runs one transaction at a time there.
 */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return query.connection.options.type === 'better-sqlite3' ? query : query.setLock('pessimistic_write');
}

const MYSQL_RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/**
 * The one way to write. On SQLite, TypeORM's better-sqlite3 driver shares one connection between
 * all requests, so concurrent transactions would interleave: writes are serialised per process.
 * On MySQL each transaction has its own connection; a deadlock victim is retried.
 */
@Injectable()
export class Transactions {
  private readonly sqliteLock: FifoLock | null;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.sqliteLock = dataSource.options.type === 'better-sqlite3' ? new FifoLock() : null;
  }

  private readonly afterCommitHooks = new WeakMap<EntityManager, Array<() => void>>();

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let hooks: Array<() => void> = [];
    const attempt = () =>
      this.dataSource.transaction(async (manager) => {
        hooks = [];
        this.afterCommitHooks.set(manager, hooks);
        return work(manager);
      });
    const result = await (this.sqliteLock ? this.sqliteLock.run(attempt) : this.withRetry(attempt));
    // Only a committed change is announced; a rolled-back one never existed. The hooks run once the
    // write lock is released, so fanning an event out to hundreds of sockets does not hold up the
    // next write, and at once, before the caller answers, so the others hear of it first. They run
    // synchronously here, before any other transaction can commit, which keeps them in commit order.
    for (const hook of hooks) hook();
    return result;
  }

  /** Runs `hook` once the transaction of `manager` has committed (never if it rolls back). */
  afterCommit(manager: EntityManager, hook: () => void): void {
    const hooks = this.afterCommitHooks.get(manager);
    if (!hooks) throw new Error('afterCommit needs a manager from Transactions.run');
    hooks.push(hook);
  }

  private async withRetry<T>(attempt: () => Promise<T>, remaining = 3): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (remaining > 0 && code && MYSQL_RETRYABLE.has(code)) return this.withRetry(attempt, remaining - 1);
      throw error;
    }
  }

  get isSqlite(): boolean {
    return this.sqliteLock !== null;
  }
}
