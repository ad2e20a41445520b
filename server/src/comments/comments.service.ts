import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { type Comment } from '@jit/shared';
import { isActiveMembership, ReadAccessService, type JitAccess } from '../access';
import { invalid, type RequestContext } from '../common';
import { Transactions } from '../database';
import { JitsService } from '../jits';
import { MembershipEntity } from '../members/entities';
import { memberActor, RecordService } from '../record';
import type { CommentListQueryDto, CreateCommentDto } from './comment.dto';
import { CommentEntity } from './comment.entity';
import { displayNames } from '../people';

/** Comments on evidence items, notes and tasks, with @mentions of members. */
@Injectable()
export class CommentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly jits: JitsService,
    private readonly record: RecordService,
    private readonly readAccess: ReadAccessService,
  ) {}

  /** The subject must exist in this JIT and be readable (a pending evidence item is not). */
  private async requireSubject(manager: EntityManager, access: JitAccess, query: CommentListQueryDto): Promise<void> {
    await this.readAccess.requireSubject(manager, this.readAccess.reader(access), { type: query.subjectType, id: query.subjectId }, 'subjectId');
  }

  async list(access: JitAccess, query: CommentListQueryDto): Promise<Comment[]> {
    await this.requireSubject(this.dataSource.manager, access, query);
    const on = this.dataSource
      .getRepository(CommentEntity)
      .createQueryBuilder('c')
      .where('c.subjectType = :subjectType AND c.subjectId = :subjectId', { subjectType: query.subjectType, subjectId: query.subjectId })
      .orderBy('c.createdAt', 'ASC');
    const comments = await this.readAccess.scope(on, 'comment', 'c', this.readAccess.reader(access)).getMany();
    return this.present(comments);
  }

  async create(context: RequestContext, access: JitAccess, dto: CreateCommentDto): Promise<Comment> {
    const comment = await this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      await this.requireSubject(manager, access, dto);
      const mentions = dto.mentions ?? [];
      if (mentions.length) {
        const members = await manager.getRepository(MembershipEntity).findBy({ id: In(mentions), jitId: access.jit.id });
        if (members.length !== mentions.length || !members.every((m) => isActiveMembership(m))) {
          throw invalid([{ field: 'mentions', code: 'invalid_value' }], 'Mention active members of this JIT only.');
        }
      }
      const comment: CommentEntity = {
        id: randomUUID(),
        jitId: access.jit.id,
        subjectType: dto.subjectType,
        subjectId: dto.subjectId,
        body: dto.body,
        mentions,
        authorId: access.user.id,
        authorPartyId: access.membership?.partyId ?? '',
        createdAt: new Date(),
      };
      await manager.insert(CommentEntity, { ...comment, mentions: [...mentions] });
      // Recorded against what was commented on, so an item's custody log shows its comments too.
      await this.record.append(manager, memberActor(context, access), {
        action: 'comment.added',
        subjectType: dto.subjectType,
        subjectId: dto.subjectId,
        changes: [
          { field: 'commentId', from: null, to: comment.id },
          { field: 'bodySha256', from: null, to: createHash('sha256').update(dto.body, 'utf8').digest('hex') },
          { field: 'mentions', from: null, to: mentions },
        ],
      });
      return comment;
    });
    const [presented] = await this.present([comment]);
    return presented;
  }

  private async present(comments: CommentEntity[]): Promise<Comment[]> {
    const names = await displayNames(
      this.dataSource.manager,
      comments.map((c) => c.authorId),
    );
    return comments.map((c) => ({
      id: c.id,
      jitId: c.jitId,
      subjectType: c.subjectType,
      subjectId: c.subjectId,
      body: c.body,
      mentions: c.mentions,
      authorId: c.authorId,
      authorName: names.get(c.authorId) ?? '',
      authorPartyId: c.authorPartyId,
      createdAt: c.createdAt.toISOString(),
    }));
  }
}
