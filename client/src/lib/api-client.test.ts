import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, ApiRequestError, onSessionProblem } from './api-client';
import { registerStepUpHandler } from './step-up';

const jsonResponse = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('apiRequest', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    document.cookie = 'XSRF-TOKEN=tok%2Ben123; path=/';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  const headersOf = (call: number): Record<string, string> => (fetchMock.mock.calls[call][1]?.headers ?? {}) as Record<string, string>;

  it('sends the XSRF cookie back as a header on a mutating request', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { id: 'j1' }));
    await apiRequest('/jits/j1/activate', { method: 'POST' });
    expect(headersOf(0)['X-XSRF-TOKEN']).toBe('tok+en123');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/jits/j1/activate');
  });

  it('sends no XSRF header on a read, nor on login', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(200, {})));
    await apiRequest('/jits');
    await apiRequest('/auth/login', { method: 'POST', body: { email: 'a@b.c', password: 'x' } });
    expect(headersOf(0)['X-XSRF-TOKEN']).toBeUndefined();
    expect(headersOf(1)['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('serialises the body and drops empty query values', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [], headSeq: 0 }));
    await apiRequest('/jits/j1/audit', { query: { afterSeq: 5, action: undefined, actorUserId: '' } });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/jits/j1/audit?afterSeq=5');
    fetchMock.mockResolvedValue(jsonResponse(200, {}));
    await apiRequest('/auth/me', { method: 'PATCH', body: { language: 'fr' } });
    expect(fetchMock.mock.calls[1][1]?.body).toBe('{"language":"fr"}');
    expect(headersOf(1)['Content-Type']).toBe('application/json');
  });

  it('throws a typed error carrying the ApiError with its field details', async () => {
    const apiError = {
      statusCode: 400,
      error: 'validation_failed',
      message: 'Invalid',
      details: [{ field: 'parties.0.authority', code: 'required' }],
    };
    fetchMock.mockResolvedValue(jsonResponse(400, apiError));
    const error = await apiRequest('/jits', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).code).toBe('validation_failed');
    expect((error as ApiRequestError).apiError).toEqual(apiError);
  });

  it('turns a body that is not an ApiError into one by status', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = (await apiRequest('/jits').catch((e: unknown) => e)) as ApiRequestError;
    expect(error.code).toBe('internal_error');
    expect(error.statusCode).toBe(502);
  });

  it('tells session listeners when the password must be changed', async () => {
    const listener = vi.fn();
    const stop = onSessionProblem(listener);
    fetchMock.mockResolvedValue(jsonResponse(403, { statusCode: 403, error: 'password_change_required', message: 'Change it' }));
    await expect(apiRequest('/jits')).rejects.toBeInstanceOf(ApiRequestError);
    expect(listener).toHaveBeenCalledWith('password_change_required');
    stop();
  });

  it('answers undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  describe('a sensitive action the server wants confirmed', () => {
    const stepUp = () => jsonResponse(403, { statusCode: 403, error: 'step_up_required', message: 'Confirm it is you' });

    it('asks once, then sends the same request again', async () => {
      const ask = vi.fn(() => Promise.resolve(true));
      const stop = registerStepUpHandler(ask);
      fetchMock.mockResolvedValueOnce(stepUp()).mockResolvedValueOnce(jsonResponse(201, { id: 't1' }));
      await expect(apiRequest('/auth/tokens', { method: 'POST', body: { name: 'script' } })).resolves.toEqual({ id: 't1' });
      expect(ask).toHaveBeenCalledTimes(1);
      expect(fetchMock.mock.calls.map(([url, init]) => [url, init?.method, init?.body])).toEqual([
        ['/api/auth/tokens', 'POST', '{"name":"script"}'],
        ['/api/auth/tokens', 'POST', '{"name":"script"}'],
      ]);
      stop();
    });

    it('shares one question between requests that need it at the same moment', async () => {
      let answer: (value: boolean) => void = () => undefined;
      const ask = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
      const stop = registerStepUpHandler(ask);
      fetchMock
        .mockResolvedValueOnce(stepUp())
        .mockResolvedValueOnce(stepUp())
        .mockImplementation(() => Promise.resolve(jsonResponse(200, {})));
      const both = Promise.all([apiRequest('/a', { method: 'POST' }), apiRequest('/b', { method: 'POST' })]);
      await vi.waitFor(() => expect(ask).toHaveBeenCalled());
      answer(true);
      await both;
      expect(ask).toHaveBeenCalledTimes(1);
      expect(fetchMock).toHaveBeenCalledTimes(4);
      stop();
    });

    it('gives the refusal back when the person cancels, or when nobody can ask', async () => {
      const stop = registerStepUpHandler(() => Promise.resolve(false));
      fetchMock.mockImplementation(() => Promise.resolve(stepUp()));
      await expect(apiRequest('/auth/tokens', { method: 'POST' })).rejects.toMatchObject({ code: 'step_up_required' });
      stop();
      await expect(apiRequest('/auth/tokens', { method: 'POST' })).rejects.toMatchObject({ code: 'step_up_required' });
      expect(fetchMock).toHaveBeenCalledTimes(2);
    });
  });
});
