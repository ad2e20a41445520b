import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import type { ActiveSession, AuthLevel } from '@jit/shared';
import { CONFIG, type AppConfig } from '../config';
import { Transactions } from '../database';
import { UserEntity } from '../users/entities';
import { SessionEntity } from './session.entity';

export const SESSION_COOKIE = 'jit_session';
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOUCH_AFTER_MS = 60_000;
/** A sign-in waiting for its second factor lasts this long: enough to open the app, not to keep a half-open door. */
const AWAITING_FACTOR_MS = 10 * 60_000;

@Injectable()
export class SessionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Creates a session inside the caller's transaction and sets both cookies; a new token and CSRF
   * token each time, so a step up in `authLevel` never keeps a token issued before it.
   */
  async start(manager: EntityManager, user: UserEntity, request: Request, response: Response, authLevel: AuthLevel = 'password'): Promise<SessionEntity> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = manager.create(SessionEntity, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: randomBytes(32).toString('base64url'),
      authLevel,
      verifiedAt: authLevel === 'awaiting_factor' ? null : now,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + (authLevel === 'awaiting_factor' ? AWAITING_FACTOR_MS : this.config.SESSION_ABSOLUTE_HOURS * 3_600_000)),
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
    });
    await manager.insert(SessionEntity, session);
    const base = { sameSite: 'lax' as const, secure: this.config.COOKIE_SECURE, path: '/' };
    response.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true, expires: session.expiresAt });
    // Readable by the client's script, which echoes it in X-XSRF-TOKEN; another site cannot read it.
    response.cookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false, expires: session.expiresAt });
    return session;
  }

  clearCookies(response: Response): void {
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  /** The live session and its account for a request, or null (no cookie, unknown, expired, account disabled). */
  async authenticate(request: Request): Promise<{ session: SessionEntity; user: UserEntity } | null> {
    return this.authenticateToken((request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]);
  }

  /** The live session of a session token (from the cookie of a request or of a socket handshake). */
  async authenticateToken(token: string | undefined): Promise<{ session: SessionEntity; user: UserEntity } | null> {
    if (!token || token.length > 100) return null;
    const session = await this.dataSource.getRepository(SessionEntity).findOneBy({ tokenHash: hashToken(token) });
    if (!session) return null;
    const now = new Date();
    const idleLimit = new Date(session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000);
    if (session.expiresAt <= now || idleLimit <= now) {
      await this.transactions.run((m) => m.delete(SessionEntity, { tokenHash: session.tokenHash }));
      return null;
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
    if (!user || user.disabled) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await this.transactions.run((m) => m.update(SessionEntity, { tokenHash: session.tokenHash }, { lastSeenAt: now }));
    }
    return { session, user };
  }

  /** The account's live sessions, most recently active first. */
  async listLive(userId: string, now = new Date()): Promise<SessionEntity[]> {
    const idleSince = new Date(now.getTime() - this.config.SESSION_IDLE_MINUTES * 60_000);
    const sessions = await this.dataSource.getRepository(SessionEntity).find({ where: { userId }, order: { lastSeenAt: 'DESC' } });
    return sessions.filter((session) => session.expiresAt > now && session.lastSeenAt > idleSince);
  }

  findByHash(tokenHash: string): Promise<SessionEntity | null> {
    return this.dataSource.getRepository(SessionEntity).findOneBy({ tokenHash });
  }

  csrfMatches(session: SessionEntity, request: Request): boolean {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string') return false;
    const expected = Buffer.from(session.csrfToken);
    const given = Buffer.from(header);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Replaces a session by one that passed its second factor: a new token, so the one issued before the code is worthless. */
  async promote(manager: EntityManager, session: SessionEntity, user: UserEntity, request: Request, response: Response): Promise<SessionEntity> {
    await this.end(manager, session);
    return this.start(manager, user, request, response, 'second_factor');
  }

  /** The person proved again that it is them (a step up before a sensitive action). */
  async markVerified(manager: EntityManager, session: SessionEntity, at: Date): Promise<void> {
    await manager.update(SessionEntity, { tokenHash: session.tokenHash }, { verifiedAt: at });
  }

  /** Whether the last proof of this session is recent enough for a sensitive action. */
  verifiedRecently(session: SessionEntity, now = new Date()): boolean {
    return session.verifiedAt !== null && now.getTime() - session.verifiedAt.getTime() <= this.config.STEP_UP_MINUTES * 60_000;
  }

  /** After the last factor is removed, the account's sessions no longer stand on one. */
  async lowerAllTo(manager: EntityManager, userId: string, authLevel: AuthLevel): Promise<void> {
    await manager.update(SessionEntity, { userId }, { authLevel });
  }

  end(manager: EntityManager, session: SessionEntity): Promise<unknown> {
    return manager.delete(SessionEntity, { tokenHash: session.tokenHash });
  }

  /** Ends every session of an account, except optionally the one in use. */
  async endAllFor(manager: EntityManager, userId: string, keep?: SessionEntity): Promise<void> {
    const query = manager.createQueryBuilder().delete().from(SessionEntity).where('userId = :userId', { userId });
    if (keep) query.andWhere('tokenHash <> :keep', { keep: keep.tokenHash });
    await query.execute();
  }
}

export const toActiveSession = (session: SessionEntity, current: SessionEntity): ActiveSession => ({
  id: session.tokenHash,
  current: session.tokenHash === current.tokenHash,
  awaitingSecondFactor: session.authLevel === 'awaiting_factor',
  userAgent: session.userAgent,
  ip: session.ip,
  signedInAt: session.createdAt.toISOString(),
  lastActiveAt: session.lastSeenAt.toISOString(),
});
