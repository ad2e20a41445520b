import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { type UserAccount } from '@jit/shared';
import { AppError, created, diff, notFound, type RequestContext } from '../common';
import { Transactions } from '../database';
import { PasswordService, SessionService } from '../auth';
import { platformActor, RecordService } from '../record';
import type { CreateUserDto, UpdateUserDto } from './user.dto';
import { UserEntity } from './user.entity';
import { toUserAccount } from '../people';

export type NewUser = Omit<UserEntity, 'id' | 'createdAt' | 'lastLoginAt' | 'passwordHash' | 'disabled'> & { password: string };

@Injectable()
export class UsersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly record: RecordService,
  ) {}

  async list(): Promise<UserAccount[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { displayName: 'ASC' } });
    return users.map(toUserAccount);
  }

  /** Inserts an account inside the caller's transaction; the password is hashed before the transaction starts. */
  async insert(manager: EntityManager, input: Omit<NewUser, 'password'>, passwordHash: string): Promise<UserEntity> {
    if (await manager.getRepository(UserEntity).existsBy({ email: input.email })) {
      throw new AppError(409, 'email_taken', 'An account with this email address already exists.');
    }
    const user = manager.create(UserEntity, { ...input, id: randomUUID(), passwordHash, disabled: false, createdAt: new Date(), lastLoginAt: null });
    // Insert a copy: TypeORM merges the raw values of defaulted columns back into what it inserts
    // (tinyint 1/0 on MySQL), and the caller needs the typed entity.
    await manager.insert(UserEntity, { ...user });
    return user;
  }

  async create(context: RequestContext, dto: CreateUserDto): Promise<UserAccount> {
    const { initialPassword, ...fields } = dto;
    const passwordHash = await this.passwords.hash(initialPassword);
    const user = await this.transactions.run(async (manager) => {
      const user = await this.insert(manager, { ...fields, isPlatformAdmin: false, mustChangePassword: true }, passwordHash);
      await this.record.append(manager, platformActor(context), {
        action: 'user.created',
        subjectId: user.id,
        changes: created(fields),
      });
      return user;
    });
    return toUserAccount(user);
  }

  async update(context: RequestContext, userId: string, dto: UpdateUserDto): Promise<UserAccount> {
    const user = await this.transactions.run(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user) throw notFound('This account');
      if (dto.disabled === true && user.id === context.userId) {
        throw new AppError(409, 'conflict', 'You cannot disable your own account; ask another administrator.');
      }
      const changes = diff(user, dto);
      if (changes.length === 0) return user;
      await manager.update(UserEntity, { id: user.id }, dto);
      // Disabling takes effect at once: every session of the account ends in the same transaction.
      if (dto.disabled === true) await this.sessions.endAllFor(manager, user.id);
      const action = dto.disabled === true && !user.disabled ? 'user.disabled' : dto.disabled === false && user.disabled ? 'user.enabled' : 'user.updated';
      await this.record.append(manager, platformActor(context), { action, subjectId: user.id, changes });
      return { ...user, ...dto };
    });
    return toUserAccount(user);
  }
}
