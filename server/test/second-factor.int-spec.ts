import { PLATFORM_CHAIN, type ApiError, type AuditPage, type ConfirmedFactor, type Jit, type Me, type SecondFactorOverview, type TotpEnrolment } from '@jit/shared';
import { totpCode } from '../src/auth/factors/totp';
import { Clock } from '../src/common';
import type { AddressInfo } from 'node:net';
import { handshakeOutcome, type ClientSocket } from './socket-client';
import { ApiClient, buildTeam, createJit, createUser, headSeq, setUpAdmin, startTestApp, USER_PASSWORD, type Team, type TestApp } from './harness';

/**
 * The second factor through the API: enrolment, the sign-in's second step, recovery codes, the step
 * up before sensitive actions, and the requirements of the platform and of a JIT. The server's clock
 * for authenticator codes is moved in 30-second steps, so each code is one the app would show then.
 */

let testApp: TestApp;
let admin: ApiClient;
let now: Date;
let base: string;
const sockets: ClientSocket[] = [];

/** Moves the server's clock for authenticator codes one step on, and gives the code an app shows then. */
const nextCode = (secret: string): string => {
  now = new Date(now.getTime() + 30_000);
  return totpCode(secret, now);
};
const errorOf = (response: { status: number; body: unknown }) => ({ status: response.status, error: (response.body as ApiError).error });

async function enrol(client: ApiClient, label = 'Work phone'): Promise<{ secret: string; recoveryCodes: string[] }> {
  const begun = await client.post('/api/auth/factors/totp');
  expect(begun.status).toBe(201);
  const enrolment = begun.body as TotpEnrolment;
  const confirmed = await client.post(`/api/auth/factors/totp/${enrolment.factorId}/confirm`, { code: nextCode(enrolment.secret), label });
  expect(confirmed.status).toBe(200);
  return { secret: enrolment.secret, recoveryCodes: (confirmed.body as ConfirmedFactor).recoveryCodes };
}

/** Both steps of a sign-in, as the browser takes them. */
async function signIn(email: string, password: string, code: string): Promise<ApiClient> {
  const client = new ApiClient(testApp);
  const first = await client.login(email, password);
  expect(first.secondFactor.pending).toBe(true);
  const second = await client.post('/api/auth/second-factor', { code });
  expect(second.status).toBe(200);
  client.me = second.body as Me;
  return client;
}

/** Makes a session's last proof older than the step-up allows, as an hour of work would. */
const ageProof = (client: ApiClient) =>
  testApp.dataSource.query(`UPDATE sessions SET verifiedAt = ? WHERE userId = ?`, [
    new Date(Date.now() - 60 * 60_000).toISOString().replace('T', ' ').replace('Z', ''),
    client.me?.id,
  ]);

beforeAll(async () => {
  testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', STEP_UP_MINUTES: '15' });
  admin = await setUpAdmin(testApp);
  now = new Date(Math.floor(Date.now() / 30_000) * 30_000);
  jest.spyOn(testApp.app.get(Clock), 'now').mockImplementation(() => now);
  await testApp.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
});
afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
afterAll(() => testApp.close());

describe('enrolling an authenticator app', () => {
  it('shows the secret once as text and QR code, and keeps nothing until the first code is right', async () => {
    const user = await createUser(admin);
    const begun = (await user.post('/api/auth/factors/totp')).body as TotpEnrolment;
    expect(begun.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.uri).toContain(`secret=${begun.secret}`);
    expect(begun.qrCode).toMatch(/^data:image\/png;base64,/);

    const wrong = await user.post(`/api/auth/factors/totp/${begun.factorId}/confirm`, { code: '000000', label: 'Phone' });
    expect(errorOf(wrong)).toEqual({ status: 400, error: 'invalid_second_factor' });
    expect((wrong.body as ApiError).details).toEqual([{ field: 'code', code: 'invalid_value' }]);
    const badInput = await user.post(`/api/auth/factors/totp/${begun.factorId}/confirm`, { code: 'twelve', label: '' });
    expect((badInput.body as ApiError).details).toEqual(
      expect.arrayContaining([
        { field: 'code', code: 'invalid_value' },
        { field: 'label', code: 'required' },
      ]),
    );
    const overview = (await user.get('/api/auth/factors')).body as SecondFactorOverview;
    expect(overview).toEqual({ factors: [], recoveryCodesLeft: 0, requiredByPlatform: false, requiredByJits: [] });
    expect(((await user.get('/api/auth/me')).body as Me).secondFactor).toEqual({ enrolled: false, pending: false, enrolmentRequired: false, enrolmentRequested: false });
  });

  it('confirms with the first code, issues ten recovery codes, ends the other sessions and records it without the secret', async () => {
    const user = await createUser(admin);
    const elsewhere = new ApiClient(testApp);
    await elsewhere.login(user.me?.email ?? '', USER_PASSWORD);
    const before = await headSeq(testApp, PLATFORM_CHAIN);
    const sessionBefore = user.sessionCookie;

    const { secret, recoveryCodes } = await enrol(user);
    expect(recoveryCodes).toHaveLength(10);
    expect(user.sessionCookie).not.toBe(sessionBefore);
    expect((await user.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);

    const overview = (await user.get('/api/auth/factors')).body as SecondFactorOverview;
    expect(overview.factors).toEqual([expect.objectContaining({ kind: 'totp', label: 'Work phone' })]);
    expect(overview.recoveryCodesLeft).toBe(10);
    const events = ((await admin.get(`/api/audit?afterSeq=${before}`)).body as AuditPage).items;
    expect(events.map((e) => e.action)).toEqual(['auth.second_factor_added', 'auth.recovery_codes_issued']);
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(JSON.stringify(events)).not.toContain(recoveryCodes[0]);
    const stored: Array<{ codeHash: string }> = await testApp.dataSource.query(`SELECT codeHash FROM recovery_codes WHERE userId = ?`, [user.me?.id]);
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);
  });
});

describe('signing in with a second factor', () => {
  let user: ApiClient;
  let secret: string;
  let recoveryCodes: string[];
  const email = () => user.me?.email ?? '';

  beforeAll(async () => {
    user = await createUser(admin);
    ({ secret, recoveryCodes } = await enrol(user));
  });

  it('opens nothing on the password alone but the code step, me and logout', async () => {
    const client = new ApiClient(testApp);
    const me = await client.login(email(), USER_PASSWORD);
    expect(me.secondFactor).toEqual({ enrolled: true, pending: true, enrolmentRequired: false, enrolmentRequested: false });
    for (const url of ['/api/jits', '/api/auth/tokens', '/api/auth/factors', '/api/notifications']) {
      expect([url, errorOf(await client.get(url))]).toEqual([url, { status: 401, error: 'second_factor_pending' }]);
    }
    expect(errorOf(await client.post('/api/auth/factors/totp'))).toEqual({ status: 401, error: 'second_factor_pending' });
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
  });

  it('finishes with the current code under a new session token, and records the login with its method', async () => {
    const client = new ApiClient(testApp);
    await client.login(email(), USER_PASSWORD);
    const pendingToken = client.sessionCookie;
    const wrong = await client.post('/api/auth/second-factor', { code: '123456' });
    expect(errorOf(wrong)).toEqual({ status: 400, error: 'invalid_second_factor' });
    const before = await headSeq(testApp, PLATFORM_CHAIN);
    const done = await client.post('/api/auth/second-factor', { code: nextCode(secret) });
    expect(done.status).toBe(200);
    expect((done.body as Me).secondFactor).toEqual({ enrolled: true, pending: false, enrolmentRequired: false, enrolmentRequested: false });
    expect(client.sessionCookie).not.toBe(pendingToken);
    expect((await client.get('/api/jits')).status).toBe(200);
    const stale = new ApiClient(testApp);
    await stale.agent.get('/api/auth/me').set('Cookie', `jit_session=${pendingToken}`).expect(401);
    const login = ((await admin.get(`/api/audit?afterSeq=${before}`)).body as AuditPage).items.find((e) => e.action === 'auth.login');
    expect(login?.changes).toEqual([{ field: 'method', from: null, to: 'totp' }]);
    expect(errorOf(await client.post('/api/auth/second-factor', { code: nextCode(secret) }))).toEqual({ status: 409, error: 'conflict' });
  });

  it('opens no live socket to a sign-in that still owes its code', async () => {
    const client = new ApiClient(testApp);
    await client.login(email(), USER_PASSWORD);
    expect(await handshakeOutcome(base, client, {}, sockets)).not.toBe('connected');
    expect((await client.post('/api/auth/second-factor', { code: nextCode(secret) })).status).toBe(200);
    expect(await handshakeOutcome(base, client, {}, sockets)).toBe('connected');
  });

  it('answers bad input on the code step with 400 naming the field, and stays pending', async () => {
    const client = new ApiClient(testApp);
    await client.login(email(), USER_PASSWORD);
    for (const body of [{}, { code: '' }, { code: 123456 }, { code: 'x'.repeat(41) }, { code: '123456', extra: true }]) {
      const refused = await client.post('/api/auth/second-factor', body);
      expect(errorOf(refused)).toEqual({ status: 400, error: 'validation_failed' });
      expect((refused.body as ApiError).details?.[0].field).toMatch(/^(code|extra)$/);
    }
    expect(((await client.get('/api/auth/me')).body as Me).secondFactor.pending).toBe(true);
  });

  it('refuses a code a second time, even within its 30 seconds', async () => {
    const code = nextCode(secret);
    await signIn(email(), USER_PASSWORD, code);
    const again = new ApiClient(testApp);
    await again.login(email(), USER_PASSWORD);
    expect(errorOf(await again.post('/api/auth/second-factor', { code }))).toEqual({ status: 400, error: 'invalid_second_factor' });
  });

  it('takes each recovery code once, typed in any case', async () => {
    const client = await signIn(email(), USER_PASSWORD, recoveryCodes[0].toUpperCase());
    expect(((await client.get('/api/auth/factors')).body as SecondFactorOverview).recoveryCodesLeft).toBe(9);
    const again = new ApiClient(testApp);
    await again.login(email(), USER_PASSWORD);
    expect(errorOf(await again.post('/api/auth/second-factor', { code: recoveryCodes[0] }))).toEqual({ status: 400, error: 'invalid_second_factor' });
  });

  it('throttles wrong codes like wrong passwords: then even the right code waits', async () => {
    const other = await createUser(admin);
    const { secret: otherSecret } = await enrol(other);
    const client = new ApiClient(testApp);
    await client.login(other.me?.email ?? '', USER_PASSWORD);
    for (let i = 0; i < 3; i += 1) expect((await client.post('/api/auth/second-factor', { code: '000000' })).status).toBe(400);
    const blocked = await client.post('/api/auth/second-factor', { code: nextCode(otherSecret) });
    expect(errorOf(blocked)).toEqual({ status: 429, error: 'too_many_attempts' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('confirming it is you before a sensitive action', () => {
  it('asks a session whose last proof is old for the code, then lets the action through', async () => {
    const user = await createUser(admin);
    const { secret } = await enrol(user);
    await ageProof(user);
    expect(errorOf(await user.post('/api/auth/tokens', { name: 'script' }))).toEqual({ status: 403, error: 'step_up_required' });
    const password = await user.post('/api/auth/step-up', { password: USER_PASSWORD });
    expect(errorOf(password)).toEqual({ status: 400, error: 'validation_failed' });
    expect((password.body as ApiError).details).toEqual([{ field: 'code', code: 'required' }]);
    expect(errorOf(await user.post('/api/auth/step-up', { code: '000000' }))).toEqual({ status: 400, error: 'invalid_second_factor' });
    expect(errorOf(await user.post('/api/auth/tokens', { name: 'script' }))).toEqual({ status: 403, error: 'step_up_required' });
    const before = await headSeq(testApp, PLATFORM_CHAIN);
    expect((await user.post('/api/auth/step-up', { code: nextCode(secret) })).status).toBe(204);
    expect((await user.post('/api/auth/tokens', { name: 'script' })).status).toBe(201);
    const actions = ((await admin.get(`/api/audit?afterSeq=${before}`)).body as AuditPage).items.map((e) => e.action);
    expect(actions).toEqual(['auth.step_up', 'auth.token_created']);
  });

  it('asks for the password from someone without a second factor', async () => {
    const user = await createUser(admin);
    await ageProof(user);
    expect(errorOf(await user.post('/api/auth/tokens', { name: 'script' }))).toEqual({ status: 403, error: 'step_up_required' });
    expect(errorOf(await user.post('/api/auth/step-up', { password: 'not my password' }))).toEqual({ status: 400, error: 'wrong_password' });
    expect((await user.post('/api/auth/step-up', { password: USER_PASSWORD })).status).toBe(204);
    expect((await user.post('/api/auth/tokens', { name: 'script' })).status).toBe(201);
  });

  it('refuses every sensitive route to a personal API token, however fresh', async () => {
    const team = await buildTeam(testApp, admin);
    const token = ((await team.leadLeader.post('/api/auth/tokens', { name: 'script' })).body as { token: string }).token;
    const bearer = (method: 'post' | 'patch' | 'put', url: string, body: object) =>
      team.leadLeader.agent[method](url).set('Authorization', `Bearer ${token}`).send(body).then(errorOf);
    const someone = await createUser(admin);
    const nl = team.jit.parties.find((p) => p.country === 'NL')?.id;
    expect(await bearer('post', `/api/jits/${team.jit.id}/members`, { userId: someone.me?.id, partyId: nl, role: 'member' })).toEqual({
      status: 403,
      error: 'step_up_token_refused',
    });
    expect(await bearer('patch', `/api/jits/${team.jit.id}/members/${team.memberships.member.id}`, { role: 'observer' })).toEqual({ status: 403, error: 'step_up_token_refused' });
    expect(await bearer('put', `/api/jits/${team.jit.id}/second-factor`, { required: true })).toEqual({ status: 403, error: 'step_up_token_refused' });
    const members = await team.leadLeader.get(`/api/jits/${team.jit.id}/members`);
    expect((members.body as Array<{ userId: string }>).map((m) => m.userId)).not.toContain(someone.me?.id);
    // Reading with the same token still works: only the sensitive actions are closed to it.
    expect((await team.leadLeader.agent.get(`/api/jits/${team.jit.id}`).set('Authorization', `Bearer ${token}`)).status).toBe(200);
  });
});

describe('removing a factor and renewing recovery codes', () => {
  it('renews the codes (old ones stop working) and removes the last factor with its codes', async () => {
    const user = await createUser(admin);
    const { secret, recoveryCodes } = await enrol(user);
    const renewed = (await user.post('/api/auth/recovery-codes')).body as { recoveryCodes: string[] };
    expect(renewed.recoveryCodes).toHaveLength(10);
    const old = new ApiClient(testApp);
    await old.login(user.me?.email ?? '', USER_PASSWORD);
    expect((await old.post('/api/auth/second-factor', { code: recoveryCodes[1] })).status).toBe(400);
    expect((await old.post('/api/auth/second-factor', { code: renewed.recoveryCodes[1] })).status).toBe(200);

    const [factor] = ((await user.get('/api/auth/factors')).body as SecondFactorOverview).factors;
    expect((await user.delete(`/api/auth/factors/${factor.id}`)).status).toBe(204);
    expect((await user.get('/api/auth/factors')).body).toMatchObject({ factors: [], recoveryCodesLeft: 0 });
    const next = new ApiClient(testApp);
    expect((await next.login(user.me?.email ?? '', USER_PASSWORD)).secondFactor).toEqual({ enrolled: false, pending: false, enrolmentRequired: false, enrolmentRequested: false });
    expect(errorOf(await user.post('/api/auth/recovery-codes'))).toEqual({ status: 409, error: 'conflict' });
    expect(totpCode(secret, now)).toMatch(/^\d{6}$/);
  });

  it('gives 404 for a factor that is not the caller’s', async () => {
    const owner = await createUser(admin);
    await enrol(owner);
    const [factor] = ((await owner.get('/api/auth/factors')).body as SecondFactorOverview).factors;
    const other = await createUser(admin);
    expect(errorOf(await other.delete(`/api/auth/factors/${factor.id}`))).toEqual({ status: 404, error: 'not_found' });
    expect(((await owner.get('/api/auth/factors')).body as SecondFactorOverview).factors).toHaveLength(1);
  });
});

describe('requirements', () => {
  let team: Team;

  beforeAll(async () => {
    team = await buildTeam(testApp, admin);
  });

  it('a JIT that requires a factor is closed to members without one, and only to them, until they enrol', async () => {
    const jitUrl = `/api/jits/${team.jit.id}`;
    expect(errorOf(await team.member.put(`${jitUrl}/second-factor`, { required: true }))).toEqual({ status: 403, error: 'forbidden' });
    expect(errorOf(await team.leadLeader.put(`${jitUrl}/second-factor`, { required: 'yes' }))).toEqual({ status: 400, error: 'validation_failed' });
    // A leader without a factor of their own would lock themselves out: enrol first.
    expect(errorOf(await team.leadLeader.put(`${jitUrl}/second-factor`, { required: true }))).toEqual({ status: 409, error: 'conflict' });
    await enrol(team.leadLeader);
    const required = await team.leadLeader.put(`${jitUrl}/second-factor`, { required: true });
    expect((required.body as Jit).secondFactorRequired).toBe(true);
    const audit = (await team.leadLeader.get(`${jitUrl}/audit`)).body as AuditPage;
    expect(audit.items.at(-1)).toMatchObject({ action: 'jit.updated', changes: [{ field: 'secondFactorRequired', from: false, to: true }] });

    expect(errorOf(await team.member.get(jitUrl))).toEqual({ status: 403, error: 'second_factor_required_by_jit' });
    expect(errorOf(await team.member.get(`${jitUrl}/evidence`))).toEqual({ status: 403, error: 'second_factor_required_by_jit' });
    expect(errorOf(await team.outsider.get(jitUrl))).toEqual({ status: 404, error: 'not_found' });
    // Another JIT of the same member stays open.
    const other = await createJit(admin);
    await admin.post(`/api/jits/${other.id}/members`, { userId: team.member.me?.id, partyId: other.parties[0].id, role: 'leader' });
    expect((await team.member.get(`/api/jits/${other.id}`)).status).toBe(200);
    expect(((await team.member.get('/api/auth/factors')).body as SecondFactorOverview).requiredByJits).toEqual([{ id: team.jit.id, title: team.jit.title }]);
    expect(((await team.member.get('/api/auth/me')).body as Me).secondFactor).toMatchObject({ enrolled: false, enrolmentRequested: true });

    await enrol(team.member);
    expect((await team.member.get(jitUrl)).status).toBe(200);
    // A factor the JIT requires cannot be removed while it does.
    const [factor] = ((await team.member.get('/api/auth/factors')).body as SecondFactorOverview).factors;
    expect(errorOf(await team.member.delete(`/api/auth/factors/${factor.id}`))).toEqual({ status: 409, error: 'second_factor_still_required' });
    await team.leadLeader.put(`${jitUrl}/second-factor`, { required: false });
  });

  it('the platform requirement holds everyone without a factor at enrolment, after the password change', async () => {
    expect(errorOf(await team.leadLeader.put('/api/platform/settings', { secondFactorRequired: true }))).toEqual({ status: 403, error: 'forbidden' });
    expect(errorOf(await admin.put('/api/platform/settings', { secondFactorRequired: 'yes' }))).toEqual({ status: 400, error: 'validation_failed' });
    expect(errorOf(await admin.put('/api/platform/settings', { secondFactorRequired: true }))).toEqual({ status: 409, error: 'conflict' });
    expect((await admin.get('/api/platform/settings')).body).toEqual({ secondFactorRequired: false });
    await enrol(admin);
    const before = await headSeq(testApp, PLATFORM_CHAIN);
    expect((await admin.put('/api/platform/settings', { secondFactorRequired: true })).body).toEqual({ secondFactorRequired: true });
    const event = ((await admin.get(`/api/audit?afterSeq=${before}`)).body as AuditPage).items[0];
    expect(event).toMatchObject({ action: 'platform.settings_changed', changes: [{ field: 'secondFactorRequired', from: false, to: true }] });
    try {
      const fresh = new ApiClient(testApp);
      const me = await fresh.login(team.observer.me?.email ?? '', USER_PASSWORD);
      expect(me.secondFactor).toEqual({ enrolled: false, pending: false, enrolmentRequired: true, enrolmentRequested: false });
      expect(errorOf(await fresh.get('/api/jits'))).toEqual({ status: 403, error: 'second_factor_enrolment_required' });
      expect(await handshakeOutcome(base, fresh, {}, sockets)).not.toBe('connected');
      expect((await fresh.get('/api/auth/factors')).body).toMatchObject({ requiredByPlatform: true });
      await enrol(fresh);
      expect((await fresh.get('/api/jits')).status).toBe(200);
      expect(await handshakeOutcome(base, fresh, {}, sockets)).toBe('connected');

      // A new account changes its initial password first, then enrols.
      const created = await admin.post('/api/users', {
        email: 'newcomer@agency.test',
        displayName: 'Newcomer',
        organisation: 'Agency',
        country: 'NL',
        language: 'en',
        timeZone: 'UTC',
        initialPassword: 'initial password 123',
      });
      expect(created.status).toBe(201);
      const newcomer = new ApiClient(testApp);
      await newcomer.login('newcomer@agency.test', 'initial password 123');
      expect(errorOf(await newcomer.get('/api/auth/factors'))).toEqual({ status: 403, error: 'password_change_required' });
      expect((await newcomer.post('/api/auth/password', { currentPassword: 'initial password 123', newPassword: USER_PASSWORD })).status).toBe(200);
      expect(errorOf(await newcomer.get('/api/jits'))).toEqual({ status: 403, error: 'second_factor_enrolment_required' });
      expect((await newcomer.get('/api/auth/factors')).status).toBe(200);
    } finally {
      expect((await admin.put('/api/platform/settings', { secondFactorRequired: false })).status).toBe(200);
    }
  });
});
