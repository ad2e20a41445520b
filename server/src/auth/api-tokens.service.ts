import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isUuid, type ApiToken, type CreatedApiToken } from '@jit/shared';
import { invalid, notFound, type RequestContext } from '../common';
import { Transactions } from '../database';
import { platformActor, RecordService } from '../record';
import { UserEntity } from '../users/entities';
import { ApiTokenEntity } from './api-token.entity';
import type { CreateApiTokenDto } from './auth.dto';

const TOKEN_PREFIX = 'jit_';
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOUCH_AFTER_MS = 60_000;

const toApiToken = (t: ApiTokenEntity): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/**
 * Personal API tokens for scripts and other tools: `Authorization: Bearer …` on the REST API (no
 * CSRF token needed, since no browser sends it by itself) and `auth: { token }` on the socket.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly record: RecordService,
  ) {}

  async list(user: UserEntity): Promise<ApiToken[]> {
    const tokens = await this.dataSource.getRepository(ApiTokenEntity).find({ where: { userId: user.id }, order: { createdAt: 'DESC' } });
    return tokens.map(toApiToken);
  }

  async create(context: RequestContext, user: UserEntity, dto: CreateApiTokenDto): Promise<CreatedApiToken> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw invalid([{ field: 'expiresAt', code: 'out_of_range' }], 'A token must expire in the future.');
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const record: ApiTokenEntity = {
      id: randomUUID(),
      userId: user.id,
      name: dto.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      createdAt: new Date(),
      lastUsedAt: null,
      expiresAt,
      revokedAt: null,
    };
    await this.transactions.run(async (manager) => {
      await manager.insert(ApiTokenEntity, { ...record });
      await this.record.append(manager, platformActor(context), {
        action: 'auth.token_created',
        subjectId: record.id,
        changes: [
          { field: 'name', from: null, to: record.name },
          { field: 'expiresAt', from: null, to: expiresAt?.toISOString() ?? null },
        ],
      });
    });
    return { ...toApiToken(record), token };
  }

  async revoke(context: RequestContext, user: UserEntity, tokenId: string): Promise<ApiToken> {
    return this.transactions.run(async (manager) => {
      const token = isUuid(tokenId) ? await manager.getRepository(ApiTokenEntity).findOneBy({ id: tokenId, userId: user.id }) : null;
      if (!token) throw notFound('This token');
      if (token.revokedAt) return toApiToken(token);
      token.revokedAt = new Date();
      await manager.update(ApiTokenEntity, { id: token.id }, { revokedAt: token.revokedAt });
      await this.record.append(manager, platformActor(context), { action: 'auth.token_revoked', subjectId: token.id });
      return toApiToken(token);
    });
  }

  /** The account of a live token, or null (unknown, revoked, expired, account disabled). */
  async authenticate(token: string | undefined): Promise<UserEntity | null> {
    if (!token || !token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
    const record = await this.dataSource.getRepository(ApiTokenEntity).findOneBy({ tokenHash: hashToken(token) });
    const now = new Date();
    if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: record.userId });
    if (!user || user.disabled) return null;
    if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
      await this.transactions.run((manager) => manager.update(ApiTokenEntity, { id: record.id }, { lastUsedAt: now }));
    }
    return user;
  }
}
