import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CONFIG, type AppConfig } from '../config';
import { LoginThrottleEntity } from './login-throttle.entity';

/**
 * Counts failed logins per account and per client address in a fixed window, in the database so
 * every server process sees the same counts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private buckets(email: string, ip: string | null): Array<{ bucket: string; max: number }> {
    return [
      { bucket: `account:${email}`, max: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT },
      { bucket: `ip:${ip ?? 'unknown'}`, max: this.config.LOGIN_MAX_FAILURES_PER_IP },
    ];
  }

  private windowStart(now: Date): Date {
    return new Date(now.getTime() - this.config.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000);
  }

  async isBlocked(email: string, ip: string | null, now = new Date()): Promise<boolean> {
    const repository = this.dataSource.getRepository(LoginThrottleEntity);
    for (const { bucket, max } of this.buckets(email, ip)) {
      const row = await repository.findOneBy({ bucket });
      if (row && row.windowStartedAt > this.windowStart(now) && row.failures >= max) return true;
    }
    return false;
  }

  async recordFailure(manager: EntityManager, email: string, ip: string | null, now = new Date()): Promise<void> {
    const repository = manager.getRepository(LoginThrottleEntity);
    for (const { bucket } of this.buckets(email, ip)) {
      const row = await repository.findOneBy({ bucket });
      if (!row || row.windowStartedAt <= this.windowStart(now)) {
        await repository.save({ bucket, failures: 1, windowStartedAt: now });
      } else {
        await repository.increment({ bucket }, 'failures', 1);
      }
    }
  }

  async clearAccount(manager: EntityManager, email: string): Promise<void> {
    await manager.getRepository(LoginThrottleEntity).delete({ bucket: `account:${email}` });
  }
}
