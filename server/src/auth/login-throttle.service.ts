import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CONFIG, type AppConfig } from '../config';
import { LoginThrottleEntity } from './login-throttle.entity';

/**
 * Slows down guessing without handing anyone a way to lock others out. Failures (of the password or
 * of the second factor) are counted per account *from one address*, and per address across
 * accounts; once a bucket's free failures are spent, each further failure makes it wait, 30 s, then
 * 1 min, 2 min … up to the window. A stranger who knows an investigator's e-mail address slows down
 * only their own address; the second factor stands against guessing spread over many addresses.
 * Kept in the database, so every server process sees the same counts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private buckets(email: string, ip: string | null): Array<{ bucket: string; free: number }> {
    const address = ip ?? 'unknown';
    return [
      { bucket: `account:${email}|${address}`, free: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT },
      { bucket: `ip:${address}`, free: this.config.LOGIN_MAX_FAILURES_PER_IP },
    ];
  }

  private get windowMs(): number {
    return this.config.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000;
  }

  /** Seconds until an attempt for this account from this address is heard again; null if it is heard now. */
  async retryAfter(email: string, ip: string | null, now = new Date()): Promise<number | null> {
    const rows = await this.dataSource.getRepository(LoginThrottleEntity).findBy({ bucket: In(this.buckets(email, ip).map((b) => b.bucket)) });
    let until = 0;
    for (const row of rows) {
      if (row.blockedUntil && row.blockedUntil > now) until = Math.max(until, row.blockedUntil.getTime());
    }
    return until > 0 ? Math.ceil((until - now.getTime()) / 1000) : null;
  }

  async recordFailure(manager: EntityManager, email: string, ip: string | null, now = new Date()): Promise<void> {
    const repository = manager.getRepository(LoginThrottleEntity);
    for (const { bucket, free } of this.buckets(email, ip)) {
      const row = await repository.findOneBy({ bucket });
      const forgotten = !row || row.lastFailureAt.getTime() <= now.getTime() - this.windowMs;
      const failures = forgotten ? 1 : row.failures + 1;
      await repository.save({ bucket, failures, lastFailureAt: now, blockedUntil: this.blockedUntil(failures, free, now) });
    }
  }

  /** Free failures first; then the delay doubles with each failure, never longer than the window. */
  private blockedUntil(failures: number, free: number, now: Date): Date | null {
    if (failures < free) return null;
    const delayMs = Math.min(this.windowMs, this.config.LOGIN_THROTTLE_DELAY_SECONDS * 1000 * 2 ** Math.min(failures - free, 30));
    return new Date(now.getTime() + delayMs);
  }

  /** A completed sign-in forgets its account's failures from that address (not the address's own). */
  async clearAccount(manager: EntityManager, email: string, ip: string | null): Promise<void> {
    await manager.getRepository(LoginThrottleEntity).delete({ bucket: this.buckets(email, ip)[0].bucket });
  }
}
