import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type AppConfig } from '../config';
import { JobLeasesService, ScheduledJob } from '../jobs';
import { CustodyService } from './custody/custody.service';
import { ItemsService } from './items/items.service';
import { UploadsService } from './uploads/uploads.service';

const TICK_MS = 10 * 60_000;
const FIXITY_BATCH = 200;

/**
 * The scheduled work of the evidence store: sweeping abandoned uploads, and the fixity cycle that
 * re-verifies every stored version once per FIXITY_INTERVAL_HOURS. Each runs under a lease.
 */
@Injectable()
export class EvidenceJobsService extends ScheduledJob {
  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly leases: JobLeasesService,
    private readonly uploads: UploadsService,
    private readonly items: ItemsService,
    private readonly custody: CustodyService,
  ) {
    super(new Logger('EvidenceJobs'), TICK_MS);
  }

  async tick(now = new Date()): Promise<{ swept: number; verified: number }> {
    const swept = (await this.leases.acquire('upload-sweep', TICK_MS, now)) ? await this.uploads.sweep(now) : 0;
    const verified = this.config.FIXITY_INTERVAL_HOURS > 0 && (await this.leases.acquire('fixity', TICK_MS, now)) ? await this.fixityBatch(now) : 0;
    return { swept, verified };
  }

  /** Verifies the versions whose last check is older than the cycle, oldest first; returns how many items were checked. */
  async fixityBatch(now = new Date()): Promise<number> {
    const due = new Date(now.getTime() - this.config.FIXITY_INTERVAL_HOURS * 3_600_000);
    const versions = await this.items.versionsDueForFixity(due, FIXITY_BATCH);
    const items = new Map(versions.map((v) => [v.itemId, v.jitId]));
    const system = { userId: null, timeZone: 'UTC', ip: null, userAgent: 'fixity-cycle' };
    for (const [itemId, jitId] of items) await this.custody.verify(system, jitId, itemId, null);
    return items.size;
  }
}
