import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { JitPermission, PlatformPermission } from '@jit/shared';
import type { JitAccess } from './access.service';
import { contextOf, type RequestContext } from '../common';
import type { UserEntity } from '../users/entities';
import type { SessionEntity } from '../auth/entities';
import type { Request } from 'express';

/** How a route is reached. Every handler names one; the guard refuses to serve a handler that does not. */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated'; allowPendingPasswordChange: boolean; sessionOnly: boolean; awaitingSecondFactor: boolean; pendingEnrolment: boolean }
  | { kind: 'platform'; permission: PlatformPermission }
  | { kind: 'jit'; permission: JitPermission; target?: 'member' | 'evidence' | 'task' };

export const ACCESS_RULE = 'jit:access-rule';
export const STEP_UP = 'jit:step-up';

export const Access = {
  /** No session needed: setup, login, health, API docs. */
  public: () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule),
  /**
   * Any signed-in account. `allowPendingPasswordChange` opens the route before the initial password
   * is changed; `sessionOnly` keeps it for a browser session (a personal API token cannot log out,
   * change the password or make more tokens). Two steps of a sign-in that is not done yet open only
   * the routes that name them: `awaitingSecondFactor` (the password was right, the code is still
   * owed: finishing the sign-in, reading who one is, leaving) and `pendingEnrolment` (the platform
   * requires a second factor the person does not have yet: enrolling one).
   */
  authenticated: (options: { allowPendingPasswordChange?: boolean; sessionOnly?: boolean; awaitingSecondFactor?: boolean; pendingEnrolment?: boolean } = {}) =>
    SetMetadata(ACCESS_RULE, {
      kind: 'authenticated',
      allowPendingPasswordChange: options.allowPendingPasswordChange ?? false,
      sessionOnly: options.sessionOnly ?? false,
      awaitingSecondFactor: options.awaitingSecondFactor ?? false,
      pendingEnrolment: options.pendingEnrolment ?? false,
    } satisfies AccessRule),
  /** Platform scope: accounts, JIT creation. */
  platform: (permission: PlatformPermission) => SetMetadata(ACCESS_RULE, { kind: 'platform', permission } satisfies AccessRule),
  /** JIT scope: the route has a `:jitId` parameter; outsiders get 404, members without the permission 403. */
  jit: (permission: JitPermission) => SetMetadata(ACCESS_RULE, { kind: 'jit', permission } satisfies AccessRule),
  /** JIT scope on one membership (`:memberId`): the narrower rule on whose members a leader manages is decided before validation too. */
  jitMember: (permission: JitPermission) => SetMetadata(ACCESS_RULE, { kind: 'jit', permission, target: 'member' } satisfies AccessRule),
  /** JIT scope on one evidence item (`:itemId`) whose uploader's party alone may change it: decided before validation. */
  jitEvidenceEdit: () => SetMetadata(ACCESS_RULE, { kind: 'jit', permission: 'evidence.edit', target: 'evidence' } satisfies AccessRule),
  /** JIT scope on one task (`:taskId`) that leaders and its assignee may move and tick the checklist of: decided before validation. */
  jitTaskMove: () => SetMetadata(ACCESS_RULE, { kind: 'jit', permission: 'tasks.move', target: 'task' } satisfies AccessRule),
};

/**
 * A sensitive action, marked beside its access rule: it asks the person to prove again that it is
 * them (their second factor, or their password if they have none) when the last proof is older than
 * `STEP_UP_MINUTES`, and a personal API token cannot do it at all, so a token never stands in for
 * the factor. Releasing, deciding, disclosing and purging take it with this one line.
 */
export const StepUp = () => SetMetadata(STEP_UP, true);

/** What the authentication guard attaches to a request. */
export interface AuthenticatedRequest extends Request {
  user?: UserEntity;
  session?: SessionEntity;
}

interface GuardedRequest extends AuthenticatedRequest {
  jitAccess?: JitAccess;
}

/** The signed-in user (routes that are not public). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserEntity => {
  const user = ctx.switchToHttp().getRequest<GuardedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});

export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionEntity => {
  const session = ctx.switchToHttp().getRequest<GuardedRequest>().session;
  if (!session) throw new Error('CurrentSession used on a route without authentication');
  return session;
});

/** The session of a route that an API token may also reach: null for a token. */
export const OptionalSession = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionEntity | null => ctx.switchToHttp().getRequest<GuardedRequest>().session ?? null);

/** The access decision for the JIT of this route, made by the guard. */
export const CurrentJitAccess = createParamDecorator((_: unknown, ctx: ExecutionContext): JitAccess => {
  const access = ctx.switchToHttp().getRequest<GuardedRequest>().jitAccess;
  if (!access) throw new Error('CurrentJitAccess used on a route without a JIT access rule');
  return access;
});

/** Who acts and from where, for the audit record. */
export const Context = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const request = ctx.switchToHttp().getRequest<GuardedRequest>();
  return contextOf(request, request.user ?? null);
});

export type { GuardedRequest };
