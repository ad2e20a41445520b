import { ERROR_CODES, type ApiError, type ErrorCode } from '@jit/shared';
import { confirmIdentity } from './step-up';

/** The error every request function throws: carries the server's ApiError so the UI can translate by code. */
export class ApiRequestError extends Error {
  readonly apiError: ApiError;

  constructor(apiError: ApiError) {
    super(apiError.message);
    this.name = 'ApiRequestError';
    this.apiError = apiError;
  }

  get code(): ErrorCode {
    return this.apiError.error;
  }

  get statusCode(): number {
    return this.apiError.statusCode;
  }
}

export const isApiRequestError = (value: unknown): value is ApiRequestError => value instanceof ApiRequestError;

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Login and setup happen before the server has issued an XSRF cookie.
const XSRF_EXEMPT_PATHS = new Set(['/auth/login', '/setup']);

export function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
}

const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/** Turns any error body into an ApiError, so a proxy's HTML page still yields a translatable code. */
function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body && isErrorCode((body as ApiError).error)) {
    const candidate = body as ApiError;
    return { ...candidate, statusCode: candidate.statusCode ?? status, message: candidate.message ?? '' };
  }
  const fallback: ErrorCode = status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'internal_error';
  return { statusCode: status, error: fallback, message: `HTTP ${status}` };
}

type QueryValue = string | number | undefined | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export const API_BASE = '/api';

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/** Listeners told when the server says the session is gone or needs a password change. */
type SessionListener = (code: ErrorCode) => void;
const sessionListeners = new Set<SessionListener>();
export function onSessionProblem(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/**
 * The one fetch wrapper: JSON in and out, XSRF header on mutations, typed errors. A sensitive action
 * the server wants confirmed first is confirmed (lib/step-up.ts) and sent once more.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    if (isApiRequestError(error) && error.code === 'step_up_required' && (await confirmIdentity())) return send<T>(path, options);
    throw error;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (MUTATING_METHODS.has(method) && !XSRF_EXEMPT_PATHS.has(path)) {
    const token = readCookie('XSRF-TOKEN');
    if (token) headers['X-XSRF-TOKEN'] = token;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError({ statusCode: 0, error: 'internal_error', message: String(cause) });
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    const apiError = toApiError(response.status, body);
    if (apiError.error === 'unauthenticated' || apiError.error === 'password_change_required') {
      sessionListeners.forEach((listener) => listener(apiError.error));
    }
    throw new ApiRequestError(apiError);
  }
  return body as T;
}
