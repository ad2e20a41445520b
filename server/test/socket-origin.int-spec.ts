import type { AddressInfo } from 'node:net';
import { setUpAdmin, startTestApp, type ApiClient } from './harness';
import { handshakeOutcome, type ClientSocket } from './socket-client';

/** Unit cases of the decision: src/realtime/socket-origin.spec.ts. Here real socket.io clients meet the real gateway. */
describe('the socket handshake compares the scheme of the page, not only its host', () => {
  const sockets: ClientSocket[] = [];
  const handshake = (base: string, admin: ApiClient, headers: Record<string, string>) => handshakeOutcome(base, admin, { headers }, sockets);
  const started = async (overrides: Record<string, string>) => {
    const testApp = await startTestApp(overrides);
    const admin = await setUpAdmin(testApp);
    await testApp.app.listen(0, '127.0.0.1');
    const host = `127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    return { testApp, admin, host, base: `http://${host}` };
  };
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));

  describe('on a plain http connection, with no proxy trusted', () => {
    let app: Awaited<ReturnType<typeof started>>;
    beforeAll(async () => (app = await started({})));
    afterAll(() => app.testApp.close());

    it('accepts the http page of this host and refuses the https page of the same host', async () => {
      expect(await handshake(app.base, app.admin, { origin: `http://${app.host}` })).toBe('connected');
      expect(await handshake(app.base, app.admin, { origin: `https://${app.host}` })).toBe('unauthenticated');
    });

    it('does not believe an X-Forwarded-Proto it was not told to trust', async () => {
      expect(await handshake(app.base, app.admin, { origin: `https://${app.host}`, 'x-forwarded-proto': 'https' })).toBe('unauthenticated');
      expect(await handshake(app.base, app.admin, { origin: `http://${app.host}`, 'x-forwarded-proto': 'https' })).toBe('connected');
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY) that terminates TLS', () => {
    let app: Awaited<ReturnType<typeof started>>;
    beforeAll(async () => (app = await started({ TRUST_PROXY: 'true' })));
    afterAll(() => app.testApp.close());

    it('accepts the https page when the proxy says its client used TLS, and refuses the http page then', async () => {
      expect(await handshake(app.base, app.admin, { origin: `https://${app.host}`, 'x-forwarded-proto': 'https' })).toBe('connected');
      expect(await handshake(app.base, app.admin, { origin: `http://${app.host}`, 'x-forwarded-proto': 'https' })).toBe('unauthenticated');
    });

    it('accepts the http page when the proxy says http, and refuses the https page then', async () => {
      expect(await handshake(app.base, app.admin, { origin: `http://${app.host}`, 'x-forwarded-proto': 'http' })).toBe('connected');
      expect(await handshake(app.base, app.admin, { origin: `https://${app.host}`, 'x-forwarded-proto': 'http' })).toBe('unauthenticated');
    });

    it('still refuses another host whatever the scheme', async () => {
      expect(await handshake(app.base, app.admin, { origin: 'https://evil.example', 'x-forwarded-proto': 'https' })).toBe('unauthenticated');
    });
  });
});
