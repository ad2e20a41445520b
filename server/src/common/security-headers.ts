import type { NextFunction, Request, Response } from 'express';

/** Browsers keep to TLS for a year once they have seen this over TLS; sent on TLS only, as it is ignored (and would pin localhost) on plain http. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Camera and microphone for this origin only (calls); powerful features the workspace never uses, for nobody. */
export const PERMISSIONS_POLICY = ['camera=(self)', 'microphone=(self)', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()', 'hid=()', 'midi=()'].join(', ');

/**
 * A Host fit to be written into the policy: a name or bracketed IPv6 address and maybe a port.
 * Anything else (a `;` would end the directive) names no socket. infra/nginx.conf uses the same expression.
 */
const POLICY_HOST = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?$/;

/** What the headers of an answer depend on: whether the browser reached us over TLS, and the host it asked for. */
export interface RequestSecurity {
  secure: boolean;
  host: string | undefined;
}

/**
 * The page's own websocket is named rather than any `ws:`/`wss:` host: CSP3 browsers read it into
 * `'self'` already, older ones need it spelt out. Inline script stays forbidden.
 */
export function contentSecurityPolicy({ secure, host }: RequestSecurity): string {
  const socket = host && POLICY_HOST.test(host) ? ` ${secure ? 'wss' : 'ws'}://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine sets inline styles on components.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${socket}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The headers every answer carries; infra/nginx.conf sends the same for the client's files (server/test/nginx.int-spec.ts compares them). */
export function securityHeaders(request: RequestSecurity): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(request),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(request.secure ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/** `request.secure` follows X-Forwarded-Proto when TRUST_PROXY sets express's 'trust proxy'. */
export function securityHeadersMiddleware(request: Request, response: Response, next: NextFunction): void {
  for (const [name, value] of Object.entries(securityHeaders({ secure: request.secure, host: request.headers.host }))) {
    // Swagger UI runs its own inline initialisation; everything else gets the strict policy.
    if (name === 'Content-Security-Policy' && request.path.startsWith('/api/docs')) continue;
    response.setHeader(name, value);
  }
  next();
}
