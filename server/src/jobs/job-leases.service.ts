import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions } from '../database';
import { JobLeaseEntity } from './job-lease.entity';

/**
 * Leases in the database: a replica runs a scheduled job only while it holds the job's lease, so
 * several server processes never run the same fixity cycle or sweep at once.
 */
@Injectable()
export class JobLeasesService {
  readonly holder = randomUUID();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async acquire(name: string, durationMs: number, now = new Date()): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + durationMs);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(JobLeaseEntity)
      .values({ name, holder: '', expiresAt: new Date(0) })
      .orIgnore()
      .execute();
    const result = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(JobLeaseEntity)
        .set({ holder: this.holder, expiresAt })
        .where('name = :name AND (expiresAt < :now OR holder = :holder)', { name, now, holder: this.holder })
        .execute(),
    );
    return (result.affected ?? 0) > 0;
  }
}
