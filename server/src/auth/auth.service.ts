import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { type Me } from '@jit/shared';
import { AppError, Clock, conflict, contextOf, diff, invalid, notFound, type RequestContext } from '../common';
import { Transactions } from '../database';
import { platformActor, RecordService } from '../record';
import { UserEntity } from '../users/entities';
import { toMe } from '../people';
import type { ChangePasswordDto, LoginDto, UpdateProfileDto } from './auth.dto';
import type { SecondFactorDto, StepUpDto } from './factors/second-factor.dto';
import { SecondFactorsService, wrongCode } from './factors/second-factors.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

const INVALID_CREDENTIALS = 'The email address or the password is not right.';

const tooManyAttempts = (response: Response, seconds: number) => {
  response.setHeader('Retry-After', String(seconds));
  return new AppError(429, 'too_many_attempts', `Too many failed sign-in attempts from here; wait ${seconds} seconds and try again.`);
};

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly record: RecordService,
    private readonly factors: SecondFactorsService,
    private readonly clock: Clock,
  ) {}

  /** The signed-in person and where their sign-in stands. */
  async me(user: UserEntity, session: SessionEntity | null): Promise<Me> {
    return toMe(user, await this.factors.state(user, session));
  }

  /**
   * The password step. Unknown email, wrong password and disabled account give one answer, so the
   * route does not tell which accounts exist. Every failure is counted and recorded on the platform
   * chain. With a second factor enrolled, the session only waits for the code.
   */
  async login(dto: LoginDto, request: Request, response: Response): Promise<Me> {
    const ip = request.ip ?? null;
    await this.refuseIfThrottled(request, response, dto.email, null);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: dto.email });
    const valid = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !valid || user.disabled) {
      await this.recordFailure(request, dto.email, user, user?.disabled ? 'disabled' : 'invalid_credentials');
      throw new AppError(401, 'invalid_credentials', INVALID_CREDENTIALS);
    }
    const context = contextOf(request, user);
    const session = await this.transactions.run(async (manager) => {
      if (await this.factors.isEnrolled(user.id, manager)) {
        await this.record.append(manager, platformActor(context), { action: 'auth.password_accepted', subjectId: user.id });
        return this.sessions.start(manager, user, request, response, 'awaiting_factor');
      }
      await this.completeLogin(manager, context, user, ip, 'password');
      return this.sessions.start(manager, user, request, response);
    });
    return this.me(user, session);
  }

  /** The second step: a code from the app or a recovery code, throttled like the password. */
  async completeSignIn(dto: SecondFactorDto, user: UserEntity, session: SessionEntity, request: Request, response: Response): Promise<Me> {
    if (session.authLevel !== 'awaiting_factor') throw conflict('conflict', 'You are already signed in; there is no code to give.');
    const ip = request.ip ?? null;
    await this.refuseIfThrottled(request, response, user.email, user);
    const context = contextOf(request, user);
    const promoted = await this.transactions.run(async (manager) => {
      const method = await this.factors.check(manager, user, dto.code);
      if (!method) return null;
      await this.completeLogin(manager, context, user, ip, method);
      return this.sessions.promote(manager, session, user, request, response);
    });
    if (!promoted) {
      await this.recordFailure(request, user.email, user, 'invalid_second_factor');
      throw wrongCode();
    }
    return this.me(user, promoted);
  }

  private async completeLogin(manager: EntityManager, context: RequestContext, user: UserEntity, ip: string | null, method: string): Promise<void> {
    await this.throttle.clearAccount(manager, user.email, ip);
    user.lastLoginAt = new Date();
    await manager.update(UserEntity, { id: user.id }, { lastLoginAt: user.lastLoginAt });
    await this.record.append(manager, platformActor(context), { action: 'auth.login', subjectId: user.id, changes: [{ field: 'method', from: null, to: method }] });
  }

  /**
   * Proving again that it is you before a sensitive action: the second factor where one is enrolled
   * (so a password alone never steps up an account that has one), else the password. Throttled and
   * recorded like a sign-in.
   */
  async stepUp(dto: StepUpDto, user: UserEntity, session: SessionEntity, request: Request, response: Response): Promise<void> {
    await this.refuseIfThrottled(request, response, user.email, user);
    const enrolled = await this.factors.isEnrolled(user.id);
    const field = enrolled ? 'code' : 'password';
    const given = enrolled ? dto.code : dto.password;
    if (given === undefined) throw invalid([{ field, code: 'required' }], enrolled ? 'Enter a code from your authenticator app, or a recovery code.' : 'Enter your password.');
    const now = this.clock.now();
    const method = await this.transactions.run(async (manager) => {
      const proved = enrolled ? await this.factors.check(manager, user, given) : (await this.passwords.verify(user.passwordHash, given)) ? 'password' : null;
      if (!proved) return null;
      await this.sessions.markVerified(manager, session, now);
      await this.record.append(manager, platformActor(contextOf(request, user)), {
        action: 'auth.step_up',
        subjectId: user.id,
        changes: [{ field: 'method', from: null, to: proved }],
      });
      return proved;
    });
    if (method) return;
    await this.recordFailure(request, user.email, user, 'step_up_failed');
    if (enrolled) throw wrongCode();
    throw new AppError(400, 'wrong_password', 'Your password is not right.', { details: [{ field: 'password', code: 'invalid_value' }] });
  }

  /** Password, code and step up wait alike once this account from this address (or this address) failed too often; each refusal is recorded. */
  private async refuseIfThrottled(request: Request, response: Response, email: string, user: UserEntity | null): Promise<void> {
    const wait = await this.throttle.retryAfter(email, request.ip ?? null);
    if (wait === null) return;
    await this.recordFailure(request, email, user, 'throttled');
    throw tooManyAttempts(response, wait);
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

  /** Ends one of the account's other sessions (a browser left signed in, or one that is not theirs). */
  async endSession(context: RequestContext, user: UserEntity, current: SessionEntity, sessionId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const session = await manager.findOneBy(SessionEntity, { tokenHash: sessionId, userId: user.id });
      if (!session) throw notFound('This session');
      if (session.tokenHash === current.tokenHash) throw conflict('conflict', 'This is the session you are using; sign out instead.');
      await this.sessions.end(manager, session);
      await this.record.append(manager, platformActor(context), { action: 'auth.session_ended', subjectId: session.tokenHash });
    });
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
    return this.me({ ...user, mustChangePassword: false }, session);
  }

  async updateProfile(context: RequestContext, user: UserEntity, session: SessionEntity | null, dto: UpdateProfileDto): Promise<Me> {
    const changes = diff(user, dto);
    if (changes.length > 0) {
      await this.transactions.run(async (manager) => {
        await manager.update(UserEntity, { id: user.id }, dto);
        await this.record.append(manager, platformActor(context), { action: 'user.updated', subjectId: user.id, changes });
      });
    }
    const updated = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    return this.me(updated, session);
  }
}
