import type { Request } from 'express';
import type { SessionEntity } from '../auth/session.entity';
import type { UserEntity } from '../users/user.entity';

/** Who is acting and from where: what every audit event records. */
export interface RequestContext {
  userId: string | null;
  timeZone: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** What the authentication guard attaches to a request. */
export interface AuthenticatedRequest extends Request {
  user?: UserEntity;
  session?: SessionEntity;
}

export function contextOf(request: Request, user: { id: string; timeZone: string } | null): RequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    userId: user?.id ?? null,
    timeZone: user?.timeZone ?? null,
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
}
