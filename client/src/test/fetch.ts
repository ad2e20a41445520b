import { vi } from 'vitest';

/** One request a component made, as a stubbed server sees it. */
export interface FetchCall {
  method: string;
  /** The address as the app asked for it, query string included. */
  url: string;
  /** The path without its query string: what the fake server routes on. */
  path: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  /** The JSON body, parsed; undefined without a body. */
  body: unknown;
}

/** A JSON response, as the API answers. */
export const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status });

/** The API's error shape, for a refusal the screen must show. */
export const apiError = (status: number, error: string, message = error): Response => json(status, { statusCode: status, error, message });

const urlOf = (input: RequestInfo | URL): string => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/**
 * Replaces the browser's fetch with a fake server: `respond` answers each request from its method,
 * path and parsed body. Returns the calls in order, for asserting what the screen asked for.
 */
export function stubFetch(respond: (call: FetchCall) => Response | Promise<Response>): FetchCall[] {
  const calls: FetchCall[] = [];
  const fake = vi.fn<typeof fetch>((input, init) => {
    const url = urlOf(input);
    const parsed = new URL(url, 'http://localhost');
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: FetchCall = { method: init?.method ?? 'GET', url, path: parsed.pathname, query: parsed.searchParams, body };
    calls.push(call);
    // A throwing fake server rejects, as a failed fetch would, rather than throwing at the caller.
    return new Promise<Response>((resolve) => resolve(respond(call)));
  });
  vi.stubGlobal('fetch', fake);
  return calls;
}
