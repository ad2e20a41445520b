import type { IncomingHttpHeaders } from 'node:http';

/** What the origin check reads of a socket.io handshake. */
export interface HandshakeOrigin {
  headers: IncomingHttpHeaders;
  /** The connection itself is TLS. */
  secure: boolean;
}

/**
 * The scheme of the page that may open this socket: https over TLS or, behind a trusted proxy
 * (TRUST_PROXY), when the proxy's X-Forwarded-Proto says its client used TLS (the first value, as
 * express reads it); http otherwise.
 */
export function expectedPageScheme(handshake: HandshakeOrigin, trustProxy: boolean): 'https' | 'http' {
  if (handshake.secure) return 'https';
  if (!trustProxy) return 'http';
  const forwarded = handshake.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim().toLowerCase();
  return first === 'https' ? 'https' : 'http';
}

/**
 * A browser may open a socket only from the workspace's own origin, scheme included: no cross-site
 * socket hijacking, and no page served over plain http (where a network attacker may inject script)
 * reaching the TLS workspace, nor the reverse. A handshake without Origin comes from no browser.
 */
export function isSameOriginHandshake(handshake: HandshakeOrigin, trustProxy: boolean): boolean {
  const origin = handshake.headers.origin;
  if (!origin) return true;
  try {
    const url = new URL(origin);
    return url.host === handshake.headers.host && url.protocol === `${expectedPageScheme(handshake, trustProxy)}:`;
  } catch {
    // "null" (a sandboxed frame, a file) or garbage: not this workspace's page.
    return false;
  }
}
