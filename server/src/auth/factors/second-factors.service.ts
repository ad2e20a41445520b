import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { toDataURL } from 'qrcode';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import type { ConfirmedFactor, RecoveryCodes, SecondFactor, SecondFactorOverview, SecondFactorState, TotpEnrolment } from '@jit/shared';
import { AppError, Clock, conflict, notFound, type RequestContext } from '../../common';
import { Transactions } from '../../database';
import { JitEntity } from '../../jits/entities';
import { MembershipEntity } from '../../members/entities';
import { PlatformSettingsService } from '../../platform';
import { platformActor, RecordService } from '../../record';
import type { UserEntity } from '../../users/entities';
import type { SessionEntity } from '../session.entity';
import { SessionService } from '../session.service';
import type { ConfirmTotpDto } from './second-factor.dto';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';
import { SecondFactorEntity } from './second-factor.entity';
import { matchTotp, newTotpSecret, totpUri } from './totp';

/** What proved a second factor: an app code or a recovery code. */
export type FactorMethod = 'totp' | 'recovery_code';

const toSecondFactor = (factor: SecondFactorEntity): SecondFactor => ({
  id: factor.id,
  kind: factor.kind,
  label: factor.label,
  createdAt: factor.createdAt.toISOString(),
  lastUsedAt: factor.lastUsedAt?.toISOString() ?? null,
});

export const wrongCode = () =>
  new AppError(400, 'invalid_second_factor', 'This code is not right, or was already used; enter the current code from your app, or a recovery code.', {
    details: [{ field: 'code', code: 'invalid_value' }],
  });

/**
 * Enrolment, checking and removal of second factors and recovery codes. Every change is recorded
 * on the platform chain; a secret or a code is shown once and never recorded.
 */
@Injectable()
export class SecondFactorsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly record: RecordService,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly platformSettings: PlatformSettingsService,
  ) {}

  async isEnrolled(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.countBy(SecondFactorEntity, { userId, confirmedAt: Not(IsNull()) })) > 0;
  }

  /** Whether the platform requires a second factor of everyone (who has none is held at enrolment). */
  async requiredOfEveryone(): Promise<boolean> {
    return (await this.platformSettings.get()).secondFactorRequired;
  }

  async state(user: UserEntity, session: SessionEntity | null): Promise<SecondFactorState> {
    const enrolled = await this.isEnrolled(user.id);
    return {
      enrolled,
      pending: session?.authLevel === 'awaiting_factor',
      enrolmentRequired: !enrolled && (await this.requiredOfEveryone()),
      enrolmentRequested: !enrolled && (await this.jitsRequiring(user.id)).length > 0,
    };
  }

  /** The JITs the person is a member of that require a second factor. */
  private async jitsRequiring(userId: string): Promise<JitEntity[]> {
    const memberships = await this.dataSource.getRepository(MembershipEntity).findBy({ userId, revokedAt: IsNull() });
    if (memberships.length === 0) return [];
    return this.dataSource.getRepository(JitEntity).find({ where: { id: In(memberships.map((m) => m.jitId)), secondFactorRequired: true }, order: { title: 'ASC' } });
  }

  async overview(user: UserEntity): Promise<SecondFactorOverview> {
    const factors = await this.dataSource.getRepository(SecondFactorEntity).find({ where: { userId: user.id, confirmedAt: Not(IsNull()) }, order: { createdAt: 'ASC' } });
    const recoveryCodesLeft = await this.dataSource.getRepository(RecoveryCodeEntity).countBy({ userId: user.id, usedAt: IsNull() });
    return {
      factors: factors.map(toSecondFactor),
      recoveryCodesLeft,
      requiredByPlatform: await this.requiredOfEveryone(),
      requiredByJits: (await this.jitsRequiring(user.id)).map((jit) => ({ id: jit.id, title: jit.title })),
    };
  }

  /** Begins an app enrolment: a new secret, shown once; an earlier unfinished enrolment is dropped. */
  async beginTotp(user: UserEntity): Promise<TotpEnrolment> {
    const secret = newTotpSecret();
    const factor: SecondFactorEntity = {
      id: randomUUID(),
      userId: user.id,
      kind: 'totp',
      label: '',
      secret,
      lastUsedStep: null,
      createdAt: new Date(),
      confirmedAt: null,
      lastUsedAt: null,
    };
    await this.transactions.run(async (manager) => {
      await manager.delete(SecondFactorEntity, { userId: user.id, confirmedAt: IsNull() });
      await manager.insert(SecondFactorEntity, factor);
    });
    const uri = totpUri(secret, user.email);
    return { factorId: factor.id, secret, uri, qrCode: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
  }

  /**
   * Confirms an app enrolment with its first code. The first factor also brings recovery codes, ends
   * the account's other sessions (one of them may be the thief's) and lifts this session to the
   * second factor, under a new token.
   */
  async confirmTotp(
    context: RequestContext,
    user: UserEntity,
    session: SessionEntity,
    factorId: string,
    dto: ConfirmTotpDto,
    request: Request,
    response: Response,
  ): Promise<ConfirmedFactor> {
    return this.transactions.run(async (manager) => {
      const factor = await manager.findOneBy(SecondFactorEntity, { id: factorId, userId: user.id, confirmedAt: IsNull() });
      if (!factor) throw notFound('This enrolment');
      const now = this.clock.now();
      const step = matchTotp(factor.secret, dto.code, now, null);
      if (step === null) throw wrongCode();
      const first = !(await this.isEnrolled(user.id, manager));
      Object.assign(factor, { label: dto.label, confirmedAt: now, lastUsedAt: now, lastUsedStep: step });
      await manager.save(factor);
      await this.record.append(manager, platformActor(context), {
        action: 'auth.second_factor_added',
        subjectId: factor.id,
        changes: [
          { field: 'kind', from: null, to: factor.kind },
          { field: 'label', from: null, to: factor.label },
        ],
      });
      const codesLeft = await manager.countBy(RecoveryCodeEntity, { userId: user.id, usedAt: IsNull() });
      const recoveryCodes = first || codesLeft === 0 ? await this.replaceRecoveryCodes(manager, context, user) : [];
      await this.sessions.endAllFor(manager, user.id, session);
      await this.sessions.promote(manager, session, user, request, response);
      return { factor: toSecondFactor(factor), recoveryCodes };
    });
  }

  /**
   * Removes a factor. The last one cannot go while the platform or one of the person's JITs requires
   * a factor; when it goes, the recovery codes go with it and the sessions stand on the password.
   */
  async remove(context: RequestContext, user: UserEntity, factorId: string): Promise<void> {
    const overview = await this.overview(user);
    await this.transactions.run(async (manager) => {
      const factor = await manager.findOneBy(SecondFactorEntity, { id: factorId, userId: user.id, confirmedAt: Not(IsNull()) });
      if (!factor) throw notFound('This second factor');
      const last = overview.factors.length === 1;
      if (last && (overview.requiredByPlatform || overview.requiredByJits.length > 0)) {
        throw conflict('second_factor_still_required', 'A second factor is required of you, so your last one cannot be removed; add another first.');
      }
      await manager.delete(SecondFactorEntity, { id: factor.id });
      await this.record.append(manager, platformActor(context), {
        action: 'auth.second_factor_removed',
        subjectId: factor.id,
        changes: [
          { field: 'kind', from: factor.kind, to: null },
          { field: 'label', from: factor.label, to: null },
        ],
      });
      if (last) {
        await manager.delete(RecoveryCodeEntity, { userId: user.id });
        await this.sessions.lowerAllTo(manager, user.id, 'password');
      }
    });
  }

  /** New recovery codes for someone with a factor; the old ones stop working. */
  async issueRecoveryCodes(context: RequestContext, user: UserEntity): Promise<RecoveryCodes> {
    if (!(await this.isEnrolled(user.id))) throw conflict('conflict', 'Recovery codes come with a second factor; set one up first.');
    return { recoveryCodes: await this.transactions.run((manager) => this.replaceRecoveryCodes(manager, context, user)) };
  }

  private async replaceRecoveryCodes(manager: EntityManager, context: RequestContext, user: UserEntity): Promise<string[]> {
    const codes = newRecoveryCodes();
    const createdAt = new Date();
    await manager.delete(RecoveryCodeEntity, { userId: user.id });
    await manager.insert(
      RecoveryCodeEntity,
      codes.map((code) => ({ id: randomUUID(), userId: user.id, codeHash: hashRecoveryCode(code), createdAt, usedAt: null })),
    );
    await this.record.append(manager, platformActor(context), {
      action: 'auth.recovery_codes_issued',
      subjectId: user.id,
      changes: [{ field: 'count', from: null, to: codes.length }],
    });
    return codes;
  }

  /**
   * Checks a code in the caller's transaction: an app code of any confirmed factor (its step then
   * used up), or an unused recovery code (then spent). What proved it, or null.
   */
  async check(manager: EntityManager, user: UserEntity, code: string): Promise<FactorMethod | null> {
    const now = this.clock.now();
    const typed = code.trim();
    const factors = await manager.findBy(SecondFactorEntity, { userId: user.id, confirmedAt: Not(IsNull()) });
    for (const factor of factors) {
      const step = matchTotp(factor.secret, typed, now, factor.lastUsedStep);
      if (step === null) continue;
      // Conditional on the step still being the one read, so two requests racing with one code cannot both pass.
      const claimed = await manager
        .createQueryBuilder()
        .update(SecondFactorEntity)
        .set({ lastUsedStep: step, lastUsedAt: now })
        .where('id = :id AND (lastUsedStep IS NULL OR lastUsedStep < :step)', { id: factor.id, step })
        .execute();
      if (claimed.affected === 1) return 'totp';
    }
    const recovery = normaliseRecoveryCode(typed);
    if (recovery === null || factors.length === 0) return null;
    const spent = await manager
      .createQueryBuilder()
      .update(RecoveryCodeEntity)
      .set({ usedAt: now })
      .where('userId = :userId AND codeHash = :hash AND usedAt IS NULL', { userId: user.id, hash: hashRecoveryCode(recovery) })
      .execute();
    return spent.affected === 1 ? 'recovery_code' : null;
  }
}
