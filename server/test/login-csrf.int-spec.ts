import request from 'supertest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness';

/**
 * Login CSRF: a form posted from another site to the sign-in route would sign the visitor's browser
 * into an account the attacker controls, and what they then upload would land in it. Sign-in and
 * the first-run set-up refuse a browser request from another site, and set no cookie.
 */
describe('sign-in and set-up refuse a request from another site', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  const ADMIN = { email: 'admin@platform.test', password: ADMIN_PASSWORD };

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('refuses the set-up posted from another site, which stays to be done', async () => {
    const refused = await http()
      .post('/api/setup')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ setupToken: testApp.setupToken, ...ADMIN, displayName: 'Attacker' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'csrf_invalid' });
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect((await http().get('/api/setup')).body).toMatchObject({ needsSetup: true });

    const done = await http()
      .post('/api/setup')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ setupToken: testApp.setupToken, ...ADMIN, displayName: 'Platform Admin' });
    expect(done.status).toBe(201);
  });

  it.each([
    ['a browser that says so', { 'Sec-Fetch-Site': 'cross-site' }],
    ['a browser that only sends its origin', { Origin: 'https://attacker.example' }],
    ['a sandboxed frame', { Origin: 'null' }],
  ])('refuses a sign-in posted from another site by %s, and sets no cookie', async (_, headers) => {
    const response = await http().post('/api/auth/login').set(headers).send(ADMIN);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: 'csrf_invalid' });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['the workspace’s own page', { 'Sec-Fetch-Site': 'same-origin' }],
    ['an older browser on the workspace’s own page', { Host: 'jit.example.org', Origin: 'https://jit.example.org' }],
    ['an API client, which sends no browser headers', {}],
  ])('signs in from %s', async (_, headers) => {
    const response = await http().post('/api/auth/login').set(headers).send(ADMIN);
    expect(response.status).toBe(200);
    expect(response.headers['set-cookie']).toBeDefined();
  });
});
