import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlatformSettings } from '@jit/shared';
import { conflict, type RequestContext } from '../common';
import { Transactions } from '../database';
import { platformActor, RecordService } from '../record';
import type { PlatformSettingsDto } from './platform-settings.dto';
import { PlatformSettingEntity } from './platform-setting.entity';

/** What a platform that was never configured holds: a fresh install asks nothing beyond the password. */
const DEFAULTS: PlatformSettings = { secondFactorRequired: false };

@Injectable()
export class PlatformSettingsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly record: RecordService,
  ) {}

  async get(): Promise<PlatformSettings> {
    const rows = await this.dataSource.getRepository(PlatformSettingEntity).find();
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
    return { secondFactorRequired: typeof stored.secondFactorRequired === 'boolean' ? stored.secondFactorRequired : DEFAULTS.secondFactorRequired };
  }

  /** Each setting that changes is written and recorded on the platform chain, in one transaction. */
  async update(context: RequestContext, dto: PlatformSettingsDto, actorHasFactor: boolean): Promise<PlatformSettings> {
    if (dto.secondFactorRequired && !actorHasFactor) throw conflict('conflict', 'Set up a second factor for yourself and sign in with it before you require one of everyone.');
    const before = await this.get();
    const changed = (Object.keys(dto) as Array<keyof PlatformSettings>).filter((key) => dto[key] !== before[key]);
    if (changed.length === 0) return before;
    await this.transactions.run(async (manager) => {
      const updatedAt = new Date();
      for (const key of changed) {
        await manager.save(PlatformSettingEntity, { key, value: JSON.stringify(dto[key]), updatedAt, updatedBy: context.userId ?? '' });
      }
      await this.record.append(manager, platformActor(context), {
        action: 'platform.settings_changed',
        subjectId: 'platform',
        changes: changed.map((field) => ({ field, from: before[field], to: dto[field] })),
      });
    });
    return { ...before, ...dto };
  }
}
