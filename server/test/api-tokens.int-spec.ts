import type { Me } from '@jit/shared';
import type { ApiError } from '@jit/shared';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { io } from 'socket.io-client';
import type { ApiToken, AuditPage, CreatedApiToken, Jit } from '@jit/shared';
import { buildTeam, startTestApp, type Team, type TestApp } from './harness';

describe('personal API tokens', () => {
  let testApp: TestApp;
  let team: Team;
  let created: CreatedApiToken;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
  });
  afterAll(() => testApp.close());

  it('is shown once at creation, stored hashed, and listed without its secret', async () => {
    const response = await team.member.post('/api/auth/tokens', { name: 'import script' });
    expect(response.status).toBe(201);
    created = response.body as CreatedApiToken;
    expect(created.token).toMatch(/^jit_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const list = (await team.member.get('/api/auth/tokens')).body as ApiToken[];
    expect(list).toEqual([expect.objectContaining({ id: created.id, name: 'import script', revokedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(created.token);
    const stored: Array<{ tokenHash: string }> = await testApp.dataSource.query('SELECT tokenHash FROM api_tokens');
    expect(stored.map((r) => r.tokenHash)).not.toContain(created.token);
    const events = (await team.admin.get('/api/audit?action=auth.token_created')).body as AuditPage;
    expect(events.items.at(-1)).toMatchObject({ subjectId: created.id, actorUserId: team.member.me?.id });
  });

  it('works as Authorization: Bearer on the REST API, without a CSRF token, with the owner’s access', async () => {
    const server = testApp.app.getHttpServer();
    const jits = await request(server).get('/api/jits').set(bearer(created.token));
    expect(jits.status).toBe(200);
    expect((jits.body as Jit[]).map((j) => j.id)).toEqual([team.jit.id]);
    const changed = await request(server).patch('/api/auth/me').set(bearer(created.token)).send({ timeZone: 'Europe/Berlin' });
    expect([changed.status, (changed.body as Me).timeZone]).toEqual([200, 'Europe/Berlin']);
    // Still the owner's rights: a member may not manage members.
    expect((await request(server).post(`/api/jits/${team.jit.id}/members`).set(bearer(created.token)).send({})).status).toBe(403);
  });

  it('cannot log out, change the password or make more tokens', async () => {
    const server = testApp.app.getHttpServer();
    for (const [method, url] of [
      ['post', '/api/auth/logout'],
      ['post', '/api/auth/password'],
      ['get', '/api/auth/tokens'],
      ['post', '/api/auth/tokens'],
    ] as const) {
      const response = await request(server)[method](url).set(bearer(created.token)).send({});
      expect([url, response.status]).toEqual([url, 403]);
    }
  });

  it('opens a socket with auth: { token }', async () => {
    await testApp.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    const socket = io(base, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: { token: created.token } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    // Revoking ends the token's sockets too.
    expect((await team.member.delete(`/api/auth/tokens/${created.id}`)).status).toBe(200);
    await disconnected;
  });

  it('stops working once revoked, for anyone but its owner cannot be revoked by others', async () => {
    const server = testApp.app.getHttpServer();
    const refused = await request(server).get('/api/jits').set(bearer(created.token));
    expect([refused.status, (refused.body as ApiError).error]).toEqual([401, 'unauthenticated']);
    expect((await request(server).get('/api/jits').set(bearer('jit_not-a-real-token'))).status).toBe(401);
    const other = (await team.legalAdviser.post('/api/auth/tokens', { name: 'mine' })).body as CreatedApiToken;
    expect((await team.member.delete(`/api/auth/tokens/${other.id}`)).status).toBe(404);
  });

  it('refuses bad input and an expiry in the past, writing nothing', async () => {
    const before = ((await team.member.get('/api/auth/tokens')).body as ApiToken[]).length;
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'ok', extra: 1 },
      { name: 'ok', expiresAt: 'tomorrow' },
      { name: 'ok', expiresAt: '2020-01-01T00:00:00.000Z' },
    ]) {
      const response = await team.member.post('/api/auth/tokens', body);
      expect([JSON.stringify(body), response.status, (response.body as ApiError).error]).toEqual([JSON.stringify(body), 400, 'validation_failed']);
    }
    expect(((await team.member.get('/api/auth/tokens')).body as ApiToken[]).length).toBe(before);
  });
});
