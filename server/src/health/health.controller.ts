import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Health } from '@jit/shared';
import { Access } from '../access';

// server/package.json: two folders up from src/health and from dist/health alike.
const VERSION = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Liveness and database: 200 when both answer, 503 when the database does not. */
  @Get()
  @Access.public()
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    if (database === 'down') response.status(503);
    return { status: database === 'up' ? 'ok' : 'degraded', database, version: VERSION };
  }
}
