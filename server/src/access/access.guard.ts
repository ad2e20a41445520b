import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, forbidden } from '../common';
import { ApiTokensService, SecondFactorsService, SessionService } from '../auth';
import type { SessionEntity } from '../auth/entities';
import type { UserEntity } from '../users/entities';
import { ACCESS_RULE, STEP_UP, type AccessRule, type GuardedRequest } from './access.decorators';
import { AccessService } from './access.service';
import { isCrossSiteRequest } from './cross-site';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request passes here, before validation, in the same order on every route:
 * a public route that changes something (signing in, the first-run set-up) sent by a browser from
 * another site → 403, so no site can sign a visitor's browser into an account it controls (login
 * CSRF); not signed in (session cookie or personal API token) → 401; CSRF token missing or wrong on a
 * session's mutating request → 403; second factor owed → 401; initial password not changed → 403;
 * second factor the platform requires not enrolled → 403; sensitive route (`@StepUp()`) reached by
 * an API token, or by a session whose last proof is old → 403; JIT route and not a member → 404;
 * member without the permission → 403 naming it; JIT that requires a second factor entered without
 * one → 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly apiTokens: ApiTokensService,
    private readonly access: AccessService,
    private readonly factors: SecondFactorsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    // Fail closed: a route that forgot to say who may reach it is a programming error, not an open door.
    if (!rule) throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access rule`);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (rule.kind === 'public') {
      if (!SAFE_METHODS.has(request.method) && isCrossSiteRequest(request.headers)) {
        throw new AppError(403, 'csrf_invalid', 'This request came from another site and was refused; open the workspace at its own address and try again.');
      }
      return true;
    }

    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const user = bearer !== undefined ? await this.apiTokens.authenticate(bearer) : await this.authenticateSession(request);
    if (!user)
      throw new AppError(
        401,
        'unauthenticated',
        bearer !== undefined ? 'This API token is not valid, or was revoked or has expired.' : 'You are not signed in, or your session has ended; sign in again.',
      );
    request.user = user;
    if (bearer !== undefined && rule.kind === 'authenticated' && rule.sessionOnly) {
      throw new AppError(403, 'forbidden', 'This needs a signed-in browser session; an API token cannot do it.');
    }
    const session = request.session ?? null;
    const step = rule.kind === 'authenticated' ? rule : { allowPendingPasswordChange: false, awaitingSecondFactor: false, pendingEnrolment: false };
    if (session?.authLevel === 'awaiting_factor' && !step.awaitingSecondFactor) {
      throw new AppError(401, 'second_factor_pending', 'Enter the code from your authenticator app to finish signing in.');
    }
    // Asked once per request: a session knows its level; only a token's account is looked up.
    const standsOnSecondFactor = session ? session.authLevel === 'second_factor' : await this.factors.isEnrolled(user.id);
    if (user.mustChangePassword) {
      if (!step.allowPendingPasswordChange) throw new AppError(403, 'password_change_required', 'Change your initial password before you continue.');
    } else if (!step.pendingEnrolment && !standsOnSecondFactor && (await this.factors.requiredOfEveryone())) {
      throw new AppError(403, 'second_factor_enrolment_required', 'A second factor is required on this workspace; set one up on your account page before you continue.');
    }
    if (this.reflector.getAllAndOverride<boolean | undefined>(STEP_UP, [context.getHandler(), context.getClass()])) this.requireRecentProof(session);

    if (rule.kind === 'platform' && !user.isPlatformAdmin) throw forbidden(rule.permission, `Only the platform administrator may do this ("${rule.permission}").`);
    if (rule.kind === 'jit') {
      const params = request.params as Record<string, string | undefined>;
      const jitAccess = await this.access.resolve(user, params.jitId);
      this.access.require(jitAccess, rule.permission);
      if (rule.target === 'member') await this.access.requireMemberTarget(jitAccess, params.memberId);
      if (rule.target === 'evidence') await this.access.requireEvidenceTarget(jitAccess, params.itemId);
      if (rule.target === 'task') await this.access.requireTaskMover(jitAccess, params.taskId);
      if (jitAccess.jit.secondFactorRequired && !standsOnSecondFactor) {
        throw new AppError(403, 'second_factor_required_by_jit', 'This JIT requires a second factor; set one up on your account page, then sign in with it.');
      }
      request.jitAccess = jitAccess;
    }
    return true;
  }

  /** A sensitive action: never by an API token, and by a session only if it proved itself recently. */
  private requireRecentProof(session: SessionEntity | null): void {
    if (!session) throw new AppError(403, 'step_up_token_refused', 'A personal API token cannot do this; do it in the browser, where you can confirm it is you.');
    if (!this.sessions.verifiedRecently(session)) {
      throw new AppError(403, 'step_up_required', 'Confirm it is you before you do this: enter a code from your authenticator app, or your password if you have no second factor.');
    }
  }

  /**
   * A browser session: the cookie, and on a mutating request the CSRF token it echoes (a personal
   * API token needs none: no browser sends an Authorization header on its own).
   */
  private async authenticateSession(request: GuardedRequest): Promise<UserEntity | null> {
    const authenticated = await this.sessions.authenticate(request);
    if (!authenticated) return null;
    request.session = authenticated.session;
    if (!SAFE_METHODS.has(request.method) && !this.sessions.csrfMatches(authenticated.session, request)) {
      throw new AppError(403, 'csrf_invalid', 'The security token of this page is missing or out of date; reload the page and try again.');
    }
    return authenticated.user;
  }
}
