import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a browser sent this request from another site. Browsers say so in `Sec-Fetch-Site`; older
 * ones only send `Origin`, compared with the host asked for. A request with neither comes from no
 * browser (a script, an API client), which no other site can make on a person's behalf.
 */
export function isCrossSiteRequest(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    // "null" (a sandboxed frame, a file) or garbage: not this workspace's page.
    return true;
  }
}
