import { PLATFORM_CHAIN, type ActiveSession, type AuditPage, type ApiError, type UserAccount } from '@jit/shared';
import { SessionEntity } from '../src/auth/session.entity';
import { ADMIN_PASSWORD, ApiClient, createUser, headSeq, setUpAdmin, startTestApp, USER_PASSWORD, type TestApp } from './harness';

describe('setup behind a load balancer', () => {
  it('accepts on one server process the token another printed, once', async () => {
    const first = await startTestApp();
    const second = await startTestApp({}, first);
    try {
      expect(second.setupToken).not.toBe(first.setupToken);
      const response = await new ApiClient(second).post('/api/setup', { setupToken: first.setupToken, email: 'admin@lb.test', password: 'long enough password', displayName: 'A' });
      expect(response.status).toBe(201);
      const again = await new ApiClient(first).post('/api/setup', { setupToken: second.setupToken, email: 'b@lb.test', password: 'long enough password', displayName: 'B' });
      expect(again.status).toBe(409);
      expect(await first.dataSource.query('SELECT * FROM setup_tokens')).toEqual([]);
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('throttling per client address', () => {
  it('refuses further sign-ins from an address that failed too often, across accounts', async () => {
    const testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: '3', LOGIN_MAX_FAILURES_PER_ACCOUNT: '100' });
    try {
      await setUpAdmin(testApp);
      for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) {
        expect((await new ApiClient(testApp).post('/api/auth/login', { email, password: 'wrong password' })).status).toBe(401);
      }
      const blocked = await new ApiClient(testApp).post('/api/auth/login', { email: 'admin@platform.test', password: ADMIN_PASSWORD });
      expect(blocked.status).toBe(429);
    } finally {
      await testApp.close();
    }
  });
});

describe('throttling per account and address', () => {
  it('slows the address that guessed, not the account’s owner signing in from elsewhere', async () => {
    const testApp = await startTestApp({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '100' });
    try {
      await setUpAdmin(testApp);
      const from = (ip: string, password: string) =>
        new ApiClient(testApp).agent.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email: 'admin@platform.test', password });
      for (let i = 0; i < 3; i += 1) expect((await from('203.0.113.66', 'a wrong guess')).status).toBe(401);
      const attacker = await from('203.0.113.66', ADMIN_PASSWORD);
      expect(attacker.status).toBe(429);
      expect(Number(attacker.headers['retry-after'])).toBe(30);
      expect((await from('198.51.100.7', ADMIN_PASSWORD)).status).toBe(200);
    } finally {
      await testApp.close();
    }
  });
});

describe('setup, sessions and accounts', () => {
  let testApp: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
  });
  afterAll(() => testApp.close());

  describe('first run', () => {
    it('prints a setup token and refuses a wrong one with 403, changing nothing', async () => {
      expect(testApp.setupToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const anonymous = new ApiClient(testApp);
      expect((await anonymous.get('/api/setup')).body).toEqual({ needsSetup: true });
      const wrong = await anonymous.post('/api/setup', { setupToken: 'guess', email: 'x@y.test', password: 'long enough password', displayName: 'X' });
      expect(wrong.status).toBe(403);
      expect((wrong.body as ApiError).error).toBe('setup_token_invalid');
      expect(await headSeq(testApp, PLATFORM_CHAIN)).toBe(0);
    });

    it('creates the platform administrator once, then answers 409', async () => {
      admin = await setUpAdmin(testApp);
      expect(admin.me).toMatchObject({ isPlatformAdmin: true, mustChangePassword: false });
      const again = await new ApiClient(testApp).post('/api/setup', { setupToken: testApp.setupToken, email: 'b@y.test', password: 'long enough password', displayName: 'B' });
      expect(again.status).toBe(409);
      expect((again.body as ApiError).error).toBe('setup_already_done');
      expect((await admin.get('/api/setup')).body).toEqual({ needsSetup: false });
    });
  });

  describe('login', () => {
    it('sets an httpOnly SameSite=Lax session cookie and a readable XSRF-TOKEN, rotated at each login', async () => {
      const client = new ApiClient(testApp);
      const response = await client.post('/api/auth/login', { email: 'ADMIN@platform.test', password: ADMIN_PASSWORD });
      expect(response.status).toBe(200);
      const cookies = ([] as string[]).concat(response.headers['set-cookie']);
      expect(cookies.find((c) => c.startsWith('jit_session='))).toMatch(/HttpOnly/);
      expect(cookies.find((c) => c.startsWith('jit_session='))).toMatch(/SameSite=Lax/);
      expect(cookies.find((c) => c.startsWith('XSRF-TOKEN='))).not.toMatch(/HttpOnly/);
      const first = client.csrf;
      await client.post('/api/auth/login', { email: 'admin@platform.test', password: ADMIN_PASSWORD });
      expect(client.csrf).not.toBe(first);
    });

    it('gives the same answer for an unknown email and a wrong password, and records both', async () => {
      const before = await headSeq(testApp, PLATFORM_CHAIN);
      const unknown = await new ApiClient(testApp).post('/api/auth/login', { email: 'nobody@nowhere.test', password: 'whatever it is' });
      const wrong = await new ApiClient(testApp).post('/api/auth/login', { email: 'admin@platform.test', password: 'not the password' });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(await headSeq(testApp, PLATFORM_CHAIN)).toBe(before + 2);
      const page = (await admin.get(`/api/audit?afterSeq=${before}`)).body as AuditPage;
      expect(page.items.map((e) => e.action)).toEqual(['auth.login_failed', 'auth.login_failed']);
    });

    it('throttles an account after repeated failures, even for the right password', async () => {
      const user = await createUser(admin);
      const email = user.me?.email ?? '';
      for (let i = 0; i < 3; i += 1) expect((await new ApiClient(testApp).post('/api/auth/login', { email, password: 'wrong password!' })).status).toBe(401);
      const blocked = await new ApiClient(testApp).post('/api/auth/login', { email, password: USER_PASSWORD });
      expect(blocked.status).toBe(429);
      expect((blocked.body as ApiError).error).toBe('too_many_attempts');
    });
  });

  describe('sessions', () => {
    it('lists where the person is signed in and ends another session, recorded, but not the one in use', async () => {
      const user = await createUser(admin);
      const laptop = new ApiClient(testApp);
      await laptop.agent.post('/api/auth/login').set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0').send({ email: user.me?.email, password: USER_PASSWORD });
      const listed = (await user.get('/api/auth/sessions')).body as ActiveSession[];
      expect(listed).toHaveLength(2);
      const current = listed.find((s) => s.current);
      const other = listed.find((s) => !s.current);
      expect(other).toMatchObject({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', awaitingSecondFactor: false });
      expect(other?.ip).toBeTruthy();
      expect(JSON.stringify(listed)).not.toContain(user.sessionCookie ?? 'no cookie');

      const stranger = await createUser(admin);
      expect((await stranger.delete(`/api/auth/sessions/${other?.id}`)).status).toBe(404);
      expect((await user.delete(`/api/auth/sessions/${current?.id}`)).status).toBe(409);
      const before = await headSeq(testApp, PLATFORM_CHAIN);
      expect((await user.delete(`/api/auth/sessions/${other?.id}`)).status).toBe(204);
      expect((await laptop.agent.get('/api/auth/me')).status).toBe(401);
      expect(((await user.get('/api/auth/sessions')).body as ActiveSession[]).map((s) => s.current)).toEqual([true]);
      const page = (await admin.get(`/api/audit?afterSeq=${before}`)).body as AuditPage;
      expect(page.items.map((e) => [e.action, e.subjectType, e.actorUserId])).toEqual([['auth.session_ended', 'session', user.me?.id]]);
    });

    it('refuses a mutating request without the CSRF token (403) or with a wrong one, before anything else', async () => {
      const user = await createUser(admin);
      const missing = await user.send('patch', '/api/auth/me', { displayName: 'X' }, { csrf: false });
      expect(missing.status).toBe(403);
      expect((missing.body as ApiError).error).toBe('csrf_invalid');
      const wrong = await user.agent.patch('/api/auth/me').set('X-XSRF-TOKEN', 'forged').send({ displayName: 'X' });
      expect(wrong.status).toBe(403);
      const anonymous = await new ApiClient(testApp).patch('/api/auth/me', { displayName: 'X' });
      expect(anonymous.status).toBe(401);
    });

    it('holds a new account to the password change: only me, the password route and logout answer', async () => {
      await admin.post('/api/users', {
        email: 'fresh@agency.test',
        displayName: 'Fresh',
        organisation: 'Agency',
        country: 'FR',
        language: 'fr',
        timeZone: 'Europe/Paris',
        initialPassword: 'initial password 123',
      });
      const fresh = new ApiClient(testApp);
      const me = await fresh.login('fresh@agency.test', 'initial password 123');
      expect(me.mustChangePassword).toBe(true);
      expect((await fresh.get('/api/auth/me')).status).toBe(200);
      const jits = await fresh.get('/api/jits');
      expect(jits.status).toBe(403);
      expect((jits.body as ApiError).error).toBe('password_change_required');
      const sameAgain = await fresh.post('/api/auth/password', { currentPassword: 'initial password 123', newPassword: 'initial password 123' });
      expect(sameAgain.status).toBe(400);
      const wrongCurrent = await fresh.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new password' });
      expect(wrongCurrent.status).toBe(400);
      expect((wrongCurrent.body as ApiError).error).toBe('wrong_password');
      const changed = await fresh.post('/api/auth/password', { currentPassword: 'initial password 123', newPassword: 'a brand new password' });
      expect(changed.status).toBe(200);
      expect((await fresh.get('/api/jits')).status).toBe(200);
    });

    it('ends other sessions when the password changes', async () => {
      const user = await createUser(admin);
      const elsewhere = new ApiClient(testApp);
      await elsewhere.login(user.me?.email ?? '', USER_PASSWORD);
      await user.post('/api/auth/password', { currentPassword: USER_PASSWORD, newPassword: 'another password 456' });
      expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
      expect((await user.get('/api/auth/me')).status).toBe(200);
    });

    it('logs out', async () => {
      const user = await createUser(admin);
      expect((await user.post('/api/auth/logout')).status).toBe(204);
      expect((await user.get('/api/auth/me')).status).toBe(401);
    });

    it('ends a session after the idle time and after the absolute lifetime', async () => {
      const idle = await createUser(admin);
      const expired = await createUser(admin);
      const long = new Date(Date.now() - 31 * 60_000);
      const sessions = testApp.dataSource.getRepository(SessionEntity);
      await sessions.update({ userId: idle.me?.id }, { lastSeenAt: long });
      await sessions.update({ userId: expired.me?.id }, { expiresAt: new Date(Date.now() - 1000) });
      expect((await idle.get('/api/auth/me')).status).toBe(401);
      expect((await expired.get('/api/auth/me')).status).toBe(401);
    });

    it('ends every session of a disabled account at once, and lets no one sign in to it', async () => {
      const user = await createUser(admin);
      const disabled = await admin.patch(`/api/users/${user.me?.id}`, { disabled: true });
      expect(disabled.status).toBe(200);
      expect((disabled.body as UserAccount).disabled).toBe(true);
      expect((await user.get('/api/auth/me')).status).toBe(401);
      const login = await new ApiClient(testApp).post('/api/auth/login', { email: user.me?.email, password: USER_PASSWORD });
      expect(login.status).toBe(401);
      expect((login.body as ApiError).error).toBe('invalid_credentials');
      const page = (await admin.get('/api/audit?action=user.disabled')).body as AuditPage;
      expect(page.items.at(-1)).toMatchObject({ subjectId: user.me?.id, changes: [{ field: 'disabled', from: false, to: true }] });
    });

    it('lets a person set their language and time zone', async () => {
      const user = await createUser(admin);
      const response = await user.patch('/api/auth/me', { language: 'es', timeZone: 'America/Bogota' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ language: 'es', timeZone: 'America/Bogota' });
    });
  });
});
