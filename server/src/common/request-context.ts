import type { Request } from 'express';

/** Who is acting and from where: what every audit event records. */
export interface RequestContext {
  userId: string | null;
  timeZone: string | null;
  ip: string | null;
  userAgent: string | null;
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
