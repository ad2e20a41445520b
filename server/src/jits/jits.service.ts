import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { jitChain, type FieldError, type Jit } from '@jit/shared';
import { isActiveMembership, type JitAccess } from '../access';
import { AppError, conflict, created, diff, invalid, type RequestContext } from '../common';
import { CONFIG, type AppConfig } from '../config';
import { forUpdate, Transactions } from '../database';
import { MembershipEntity } from '../members/entities';
import { jitActor, memberActor, platformActor, RecordService } from '../record';
import type { UserEntity } from '../users/entities';
import type { CreateExtensionDto, CreateJitDto, UpdateJitDto } from './jit.dto';
import { JitExtensionEntity } from './extension.entity';
import { JitEntity } from './jit.entity';
import { isExpired, toJit } from './jit.presenter';
import { JitPartyEntity } from './party.entity';

/** What a write inside a JIT may need to be allowed: closed and expired JITs refuse most changes. */
export interface WriteRules {
  /** Allowed once the end date has passed (extending, closing, revoking access). */
  allowExpired?: boolean;
  /** Allowed on a closed JIT (revoking access). */
  allowClosed?: boolean;
}

/** Refuses a write with 409 when the JIT's state forbids it: closed, or past its end date. */
export function assertWritable(jit: Pick<JitEntity, 'status' | 'effectiveEndDate'>, rules: WriteRules = {}): void {
  if (jit.status === 'closed' && !rules.allowClosed) throw conflict('jit_closed', 'This JIT is closed: nothing new can be shared in it.');
  if (isExpired(jit) && !rules.allowExpired && jit.status !== 'closed') {
    throw conflict('jit_expired', `This JIT's agreement ended on ${jit.effectiveEndDate}; record an extension before making changes.`);
  }
}

@Injectable()
export class JitsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly record: RecordService,
  ) {}

  /**
   * Reads the JIT inside a write transaction (row-locked on MySQL, so a concurrent close cannot slip
   * between the check and the change) and refuses the write with 409 if its state forbids it.
   */
  async loadForWrite(manager: EntityManager, jitId: string, rules: WriteRules = {}): Promise<JitEntity> {
    const query = manager.getRepository(JitEntity).createQueryBuilder('jit').where('jit.id = :jitId', { jitId });
    forUpdate(query);
    const jit = await query.getOneOrFail();
    assertWritable(jit, rules);
    return jit;
  }

  async listFor(user: UserEntity): Promise<Jit[]> {
    const jits = this.dataSource.getRepository(JitEntity);
    let agreements: JitEntity[];
    let memberships: MembershipEntity[] = [];
    if (user.isPlatformAdmin) {
      agreements = await jits.find({ order: { createdAt: 'DESC' } });
    } else {
      memberships = (await this.dataSource.getRepository(MembershipEntity).findBy({ userId: user.id, revokedAt: IsNull() })).filter((m) => isActiveMembership(m));
      agreements = memberships.length ? await jits.find({ where: { id: In(memberships.map((m) => m.jitId)) }, order: { createdAt: 'DESC' } }) : [];
    }
    if (agreements.length === 0) return [];
    const ids = agreements.map((j) => j.id);
    const [parties, extensions] = await Promise.all([
      this.dataSource.getRepository(JitPartyEntity).find({ where: { jitId: In(ids) }, order: { position: 'ASC' } }),
      this.dataSource.getRepository(JitExtensionEntity).find({ where: { jitId: In(ids) }, order: { recordedAt: 'ASC' } }),
    ]);
    return agreements.map((jit) =>
      toJit(
        jit,
        parties.filter((p) => p.jitId === jit.id),
        extensions.filter((e) => e.jitId === jit.id),
        memberships.find((m) => m.jitId === jit.id) ?? null,
        this.config.UPLOAD_MAX_BYTES,
      ),
    );
  }

  async get(access: JitAccess): Promise<Jit> {
    return this.present(access.jit.id, access.membership);
  }

  private async present(jitId: string, membership: MembershipEntity | null, manager: EntityManager = this.dataSource.manager): Promise<Jit> {
    const [jit, parties, extensions] = await Promise.all([
      manager.getRepository(JitEntity).findOneByOrFail({ id: jitId }),
      manager.getRepository(JitPartyEntity).find({ where: { jitId }, order: { position: 'ASC' } }),
      manager.getRepository(JitExtensionEntity).find({ where: { jitId }, order: { recordedAt: 'ASC' } }),
    ]);
    return toJit(jit, parties, extensions, membership, this.config.UPLOAD_MAX_BYTES);
  }

  /** Checks what a DTO cannot: party countries, uniqueness, and that the lead is one of the parties. */
  private checkParties(dto: CreateJitDto): void {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    dto.parties.forEach((party, index) => {
      if (party.kind === 'party' && !party.country) errors.push({ field: `parties.${index}.country`, code: 'required' });
      if (party.country && party.kind === 'party') {
        if (seen.has(party.country)) errors.push({ field: `parties.${index}.country`, code: 'not_unique' });
        seen.add(party.country);
      }
    });
    if (dto.parties.filter((p) => p.kind === 'party').length < 2) errors.push({ field: 'parties', code: 'too_few' });
    if (!dto.parties.some((p) => p.kind === 'party' && p.country === dto.leadPartyCountry)) errors.push({ field: 'leadPartyCountry', code: 'invalid_value' });
    if (errors.length) throw invalid(errors, 'A JIT needs at least two parties, each a different state, and its lead must be one of them.');
  }

  async create(context: RequestContext, dto: CreateJitDto): Promise<Jit> {
    this.checkParties(dto);
    const id = randomUUID();
    return this.transactions.run(async (manager) => {
      if (await manager.getRepository(JitEntity).existsBy({ reference: dto.reference })) {
        throw new AppError(409, 'conflict', `A JIT with the reference "${dto.reference}" already exists.`);
      }
      const { parties, leadPartyCountry, ...agreement } = dto;
      const jit = manager.create(JitEntity, {
        ...agreement,
        id,
        effectiveEndDate: dto.endDate,
        status: 'draft',
        createdBy: context.userId ?? '',
        createdAt: new Date(),
        activatedAt: null,
        closedAt: null,
        maxUploadBytes: null,
        blockedTypes: [],
      });
      await manager.insert(JitEntity, jit);
      const rows = parties.map((p, position) =>
        manager.create(JitPartyEntity, {
          id: randomUUID(),
          jitId: id,
          kind: p.kind,
          country: p.country ?? null,
          name: p.name,
          authority: p.authority,
          isLead: p.kind === 'party' && p.country === leadPartyCountry,
          position,
        }),
      );
      await manager.insert(JitPartyEntity, rows);
      const changes = created({ ...agreement, parties: parties.map((p) => ({ ...p })), leadPartyCountry });
      // JIT creation is a platform event; the JIT's own chain starts with its founding record too.
      await this.record.append(manager, platformActor(context), { action: 'jit.created', subjectId: id, changes });
      await this.record.openChain(manager, jitChain(id));
      await this.record.append(manager, jitActor(context, id, null), { action: 'jit.created', subjectId: id, changes });
      return this.present(id, null, manager);
    });
  }

  async update(context: RequestContext, access: JitAccess, dto: UpdateJitDto): Promise<Jit> {
    return this.transactions.run(async (manager) => {
      const jit = await this.loadForWrite(manager, access.jit.id);
      if ((dto.startDate !== undefined || dto.endDate !== undefined) && jit.status !== 'draft') {
        throw conflict('jit_not_draft', 'The dates of a signed agreement change only through an extension.');
      }
      const startDate = dto.startDate ?? jit.startDate;
      const endDate = dto.endDate ?? jit.endDate;
      if (endDate < startDate) throw invalid([{ field: dto.endDate !== undefined ? 'endDate' : 'startDate', code: 'end_before_start' }]);
      const patch: Partial<JitEntity> = { ...dto, ...(dto.endDate !== undefined ? { effectiveEndDate: dto.endDate } : {}) };
      const changes = diff(jit, { ...dto });
      if (changes.length > 0) {
        await manager.update(JitEntity, { id: jit.id }, patch);
        await this.record.append(manager, memberActor(context, access), { action: 'jit.updated', subjectId: jit.id, changes });
      }
      return this.present(jit.id, access.membership, manager);
    });
  }

  /** Expired and closed JITs included: like revoking access, guarding what the team holds never waits. */
  async requireSecondFactor(context: RequestContext, access: JitAccess, required: boolean, actorHasFactor: boolean): Promise<Jit> {
    if (required && !actorHasFactor) throw conflict('conflict', 'Set up a second factor for yourself and sign in with it before you require one of the team.');
    return this.transactions.run(async (manager) => {
      const jit = await this.loadForWrite(manager, access.jit.id, { allowExpired: true, allowClosed: true });
      if (jit.secondFactorRequired !== required) {
        await manager.update(JitEntity, { id: jit.id }, { secondFactorRequired: required });
        await this.record.append(manager, memberActor(context, access), {
          action: 'jit.updated',
          subjectId: jit.id,
          changes: [{ field: 'secondFactorRequired', from: jit.secondFactorRequired, to: required }],
        });
      }
      return this.present(jit.id, access.membership, manager);
    });
  }

  async activate(context: RequestContext, access: JitAccess): Promise<Jit> {
    return this.transactions.run(async (manager) => {
      const jit = await this.loadForWrite(manager, access.jit.id);
      if (jit.status !== 'draft') throw conflict('jit_already_active', 'This JIT is already active.');
      const activatedAt = new Date();
      await manager.update(JitEntity, { id: jit.id }, { status: 'active', activatedAt });
      await this.record.append(manager, memberActor(context, access), {
        action: 'jit.activated',
        subjectId: jit.id,
        changes: [{ field: 'status', from: 'draft', to: 'active' }],
      });
      return this.present(jit.id, access.membership, manager);
    });
  }

  /** Extensions are their own dated records; the signed end date is never overwritten. */
  async extend(context: RequestContext, access: JitAccess, dto: CreateExtensionDto): Promise<Jit> {
    return this.transactions.run(async (manager) => {
      const jit = await this.loadForWrite(manager, access.jit.id, { allowExpired: true });
      if (dto.newEndDate <= jit.effectiveEndDate) {
        throw invalid([{ field: 'newEndDate', code: 'out_of_range' }], `An extension must end after the current end date, ${jit.effectiveEndDate}.`);
      }
      const extension = manager.create(JitExtensionEntity, {
        id: randomUUID(),
        jitId: jit.id,
        previousEndDate: jit.effectiveEndDate,
        newEndDate: dto.newEndDate,
        agreedOn: dto.agreedOn,
        note: dto.note ?? '',
        recordedBy: context.userId ?? '',
        recordedAt: new Date(),
      });
      await manager.insert(JitExtensionEntity, extension);
      await manager.update(JitEntity, { id: jit.id }, { effectiveEndDate: dto.newEndDate });
      await this.record.append(manager, memberActor(context, access), {
        action: 'jit.extended',
        subjectId: extension.id,
        changes: [
          { field: 'effectiveEndDate', from: jit.effectiveEndDate, to: dto.newEndDate },
          { field: 'agreedOn', from: null, to: dto.agreedOn },
          ...(dto.note ? created({ note: dto.note }) : []),
        ],
      });
      return this.present(jit.id, access.membership, manager);
    });
  }

  /** After closing nothing new can be shared; reading, verifying and exporting go on. */
  async close(context: RequestContext, access: JitAccess): Promise<Jit> {
    return this.transactions.run(async (manager) => {
      const jit = await this.loadForWrite(manager, access.jit.id, { allowExpired: true });
      const closedAt = new Date();
      await manager.update(JitEntity, { id: jit.id }, { status: 'closed', closedAt });
      await this.record.append(manager, memberActor(context, access), {
        action: 'jit.closed',
        subjectId: jit.id,
        changes: [{ field: 'status', from: jit.status, to: 'closed' }],
      });
      return this.present(jit.id, access.membership, manager);
    });
  }
}
