import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from './harness';

/** The built client as the server hands it to browsers: compressed, and cached as long as its names allow. */
describe('serving the built client', () => {
  let testApp: TestApp;
  let dist: string;
  // Big enough to be worth compressing (the middleware leaves answers under 1 KB alone).
  const script = `export const screens = [${Array.from({ length: 400 }, (_, i) => `"screen-${i}"`).join(',')}];\n`;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'jit-client-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      `<!doctype html><html lang="en"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div>${' '.repeat(2048)}</body></html>`,
    );
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
    testApp = await startTestApp({ CLIENT_DIST_DIR: dist });
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a script gzipped, to be kept a year, since its name changes with its content', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe(script);
  });

  it('sends the page of every client route to be checked again each time, so a new release is seen at once', async () => {
    for (const path of ['/', '/jits/some-jit/evidence']) {
      const response = await request(testApp.app.getHttpServer()).get(path).set('Accept-Encoding', 'gzip');
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('/assets/index-abc123.js');
    }
  });

  it('leaves API answers uncompressed, so ranges of evidence bytes keep their exact lengths', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/api/setup').set('Accept-Encoding', 'gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});
