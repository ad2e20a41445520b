import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { PLATFORM_CHAIN, type Me } from '@jit/shared';
import { AppError, contextOf } from '../common';
import { Transactions } from '../database';
import { PasswordService, SessionService, type SetupDto } from '../auth';
import { platformActor, RecordService } from '../record';
import { UserEntity } from '../users/entities';
import { NO_SECOND_FACTOR, toMe } from '../people';
import { UsersService } from '../users';
import { SetupTokenEntity } from './setup-token.entity';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * First run: while no account exists, the server prints a one-time setup token to its console, and
 * only who holds it can create the platform administrator. This closes the race where whoever
 * reaches a fresh public install first would own it.
 */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly users: UsersService,
    private readonly record: RecordService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.record.ensureChain(PLATFORM_CHAIN);
    if (await this.needsSetup()) {
      const token = randomBytes(24).toString('base64url');
      await this.transactions.run((manager) => manager.insert(SetupTokenEntity, { tokenHash: hashToken(token), createdAt: new Date() }));
      // Deliberately on stdout and not through the logger: the operator must see it whatever LOG_LEVEL says.
      process.stdout.write(`\nSetup token: ${token}\nOpen the workspace in a browser and enter it to create the platform administrator.\n\n`);
    }
  }

  async needsSetup(): Promise<boolean> {
    return (await this.dataSource.getRepository(UserEntity).count()) === 0;
  }

  /** Checked before the body is validated: 409 once set up, 403 for a wrong token. */
  async assertCanSetUp(givenToken: unknown): Promise<void> {
    if (!(await this.needsSetup())) throw new AppError(409, 'setup_already_done', 'This workspace is already set up; sign in instead.');
    // Only hashes are stored and compared, so a lookup by hash leaks nothing about the token.
    const known = typeof givenToken === 'string' && givenToken.length > 0 && (await this.dataSource.getRepository(SetupTokenEntity).existsBy({ tokenHash: hashToken(givenToken) }));
    if (!known) {
      throw new AppError(403, 'setup_token_invalid', 'The setup token is not right; copy it from the server console ("Setup token: …").');
    }
  }

  async complete(dto: SetupDto, request: Request, response: Response): Promise<Me> {
    const passwordHash = await this.passwords.hash(dto.password);
    const admin = await this.transactions.run(async (manager) => {
      // Checked again inside the write lock, so two simultaneous setups cannot both succeed.
      if ((await manager.getRepository(UserEntity).count()) > 0) throw new AppError(409, 'setup_already_done', 'This workspace is already set up; sign in instead.');
      const admin = await this.users.insert(
        manager,
        { email: dto.email, displayName: dto.displayName, organisation: '', country: '', language: 'en', timeZone: 'UTC', isPlatformAdmin: true, mustChangePassword: false },
        passwordHash,
      );
      await manager.clear(SetupTokenEntity);
      await this.sessions.start(manager, admin, request, response);
      await this.record.append(manager, platformActor(contextOf(request, admin)), {
        action: 'platform.setup_completed',
        subjectId: admin.id,
        changes: [{ field: 'email', from: null, to: admin.email }],
      });
      return admin;
    });
    return toMe(admin, NO_SECOND_FACTOR);
  }
}
