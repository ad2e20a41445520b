import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { type Me } from '@jit/shared';
import { AppError, contextOf, diff, invalid, type RequestContext } from '../common';
import { Transactions } from '../database';
import { platformActor, RecordService } from '../record';
import { UserEntity } from '../users/entities';
import { toMe } from '../people';
import type { ChangePasswordDto, LoginDto, UpdateProfileDto } from './auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import type { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

const INVALID_CREDENTIALS = 'The email address or the password is not right.';

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly record: RecordService,
  ) {}

  /**
   * Unknown email, wrong password and disabled account give one answer, so the route does not tell
   * which accounts exist. Every failure is counted and recorded on the platform chain.
   */
  async login(dto: LoginDto, request: Request, response: Response): Promise<Me> {
    const ip = request.ip ?? null;
    if (await this.throttle.isBlocked(dto.email, ip)) {
      await this.recordFailure(request, dto.email, null, 'throttled');
      throw new AppError(429, 'too_many_attempts', 'Too many failed sign-in attempts; wait a few minutes and try again.');
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: dto.email });
    const valid = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !valid || user.disabled) {
      await this.recordFailure(request, dto.email, user, user?.disabled ? 'disabled' : 'invalid_credentials');
      throw new AppError(401, 'invalid_credentials', INVALID_CREDENTIALS);
    }
    const context = contextOf(request, user);
    await this.transactions.run(async (manager) => {
      await this.throttle.clearAccount(manager, dto.email);
      await this.sessions.start(manager, user, request, response);
      user.lastLoginAt = new Date();
      await manager.update(UserEntity, { id: user.id }, { lastLoginAt: user.lastLoginAt });
      await this.record.append(manager, platformActor(context), { action: 'auth.login', subjectId: user.id });
    });
    return toMe(user);
  }

  private async recordFailure(request: Request, email: string, user: UserEntity | null, reason: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (reason !== 'throttled') await this.throttle.recordFailure(manager, email, request.ip ?? null);
      await this.record.append(manager, platformActor(contextOf(request, null)), {
        action: 'auth.login_failed',
        subjectId: user?.id ?? 'unknown',
        changes: [
          { field: 'email', from: null, to: email },
          { field: 'reason', from: null, to: reason },
        ],
      });
    });
  }

  async logout(context: RequestContext, session: SessionEntity, response: Response): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.sessions.end(manager, session);
      await this.record.append(manager, platformActor(context), { action: 'auth.logout', subjectId: session.userId });
    });
    this.sessions.clearCookies(response);
  }

  /** Changing the password ends the account's other sessions. */
  async changePassword(context: RequestContext, user: UserEntity, session: SessionEntity, dto: ChangePasswordDto): Promise<Me> {
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      throw new AppError(400, 'wrong_password', 'Your current password is not right.', { details: [{ field: 'currentPassword', code: 'invalid_value' }] });
    }
    if (dto.newPassword === dto.currentPassword) {
      throw invalid([{ field: 'newPassword', code: 'not_unique' }], 'Choose a new password that differs from the current one.');
    }
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.transactions.run(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: false });
      await this.sessions.endAllFor(manager, user.id, session);
      await this.record.append(manager, platformActor(context), { action: 'auth.password_changed', subjectId: user.id });
    });
    return toMe({ ...user, mustChangePassword: false });
  }

  async updateProfile(context: RequestContext, user: UserEntity, dto: UpdateProfileDto): Promise<Me> {
    const changes = diff(user, dto);
    if (changes.length > 0) {
      await this.transactions.run(async (manager) => {
        await manager.update(UserEntity, { id: user.id }, dto);
        await this.record.append(manager, platformActor(context), { action: 'user.updated', subjectId: user.id, changes });
      });
    }
    const updated = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    return toMe(updated);
  }
}
