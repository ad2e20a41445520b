import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer, connect as tcpConnect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../src/common/security-headers';
import { setUpAdmin, startTestApp, type ApiClient, type TestApp } from './harness';
import { handshakeOutcome, type ClientSocket } from './socket-client';

/**
 * docker-compose.yml serves the client through nginx (infra/nginx.conf), not through the server.
 * There is no Docker engine here, so the repository's file runs in Debian's nginx, pointed at a test
 * server and a folder standing for the built client, and what it sends is compared with what the
 * server sends for the same paths.
 */

const REPOSITORY_CONF = join(__dirname, '../../infra/nginx.conf');
/** The host browsers asked for; the same on both sides, since connect-src names it. */
const HOST = 'workspace.example:8443';
const PATHS = ['/', '/index.html', '/assets/index-abc123.js', '/jits/some-jit/evidence', '/assets/gone-since-the-last-release.js'];
/** Every header the server decides for a client file: its security headers (HSTS included, so TLS-only ones are compared too) and caching. */
const COMPARED = [...Object.keys(securityHeaders({ secure: true, host: HOST })), 'Cache-Control'].map((name) => name.toLowerCase());

function nginxBinary(): string {
  // Debian puts nginx in /usr/sbin, which is not on every user's PATH.
  const found = ['nginx', '/usr/sbin/nginx'].find((candidate) => spawnSync(candidate, ['-v']).status === 0);
  if (!found) throw new Error('nginx is not installed, so infra/nginx.conf cannot be checked: install it (on Debian, apt-get install -y nginx) and run this test again.');
  return found;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Replaces `from` in the repository's file, failing when the file no longer has it (the test would otherwise check something else). */
function substitute(conf: string, from: string, to: string): string {
  if (!conf.includes(from)) throw new Error(`infra/nginx.conf no longer contains "${from}": update the substitutions of this test to match it.`);
  return conf.split(from).join(to);
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
}

function get(url: string, headers: Record<string, string>): Promise<Answer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const sent = send(url, { headers, rejectUnauthorized: false }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

const compared = (answer: Answer) => Object.fromEntries(COMPARED.map((name) => [name, answer.headers[name]]));

describe('nginx of docker-compose.yml (infra/nginx.conf)', () => {
  let testApp: TestApp;
  let admin: ApiClient;
  let serverBase: string;
  let work: string;
  let nginx: ChildProcess | null = null;
  let nginxLog = '';
  let plainPort: number;
  let tlsPort: number;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    const binary = nginxBinary();
    work = mkdtempSync(join(tmpdir(), 'jit-nginx-'));
    // nginx started as root serves files from worker processes running as nobody.
    chmodSync(work, 0o755);
    const dist = join(work, 'html');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html lang="en"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'export const ready = true;\n');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(work, 'key.pem'),
        '-out',
        join(work, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );

    // The server as docker-compose.yml runs it: behind the proxy it trusts.
    testApp = await startTestApp({ CLIENT_DIST_DIR: dist, TRUST_PROXY: 'true' });
    admin = await setUpAdmin(testApp);
    await testApp.app.listen(0, '127.0.0.1');
    serverBase = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;

    [plainPort, tlsPort] = [await freePort(), await freePort()];
    let site = readFileSync(REPOSITORY_CONF, 'utf8');
    site = substitute(
      site,
      'listen 80;',
      `listen 127.0.0.1:${plainPort};\n  listen 127.0.0.1:${tlsPort} ssl;\n  ssl_certificate ${work}/cert.pem;\n  ssl_certificate_key ${work}/key.pem;`,
    );
    site = substitute(site, 'root /usr/share/nginx/html;', `root ${dist};`);
    site = substitute(site, 'http://server:3000', serverBase);
    // What the nginx image's own nginx.conf wraps around conf.d/default.conf, with every path in the test's folder.
    const temp = (name: string) => `${name}_temp_path ${work}/${name};`;
    const conf = [
      'worker_processes 1;',
      `pid ${work}/nginx.pid;`,
      `error_log ${work}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  access_log off;',
      `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
      site,
      '}',
    ].join('\n');
    writeFileSync(join(work, 'nginx.conf'), conf);

    const started = spawn(binary, ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    nginx = started;
    started.stderr?.on('data', (chunk: Buffer) => (nginxLog += chunk.toString()));
    await listening(started, plainPort);
  });

  /** Waits until nginx accepts connections; its own words if it stopped instead. */
  async function listening(started: ChildProcess, port: number): Promise<void> {
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (started.exitCode !== null) throw new Error(`nginx stopped at start with the repository's configuration: ${nginxLog}`);
      const open = await new Promise<boolean>((resolve) => {
        const socket = tcpConnect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
        socket.on('error', () => resolve(false));
      });
      if (open) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`nginx did not accept connections within 10 s: ${nginxLog}`);
  }

  afterAll(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    if (nginx && nginx.exitCode === null) {
      const stopped = new Promise((resolve) => nginx?.once('exit', resolve));
      nginx.kill('SIGTERM');
      await stopped;
    }
    await testApp?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('sends the client over plain http with the headers the server sends for the same paths, without HSTS', async () => {
    for (const path of PATHS) {
      const [fromServer, fromNginx] = await Promise.all([get(`${serverBase}${path}`, { host: HOST }), get(`http://127.0.0.1:${plainPort}${path}`, { host: HOST })]);
      expect([path, fromServer.status, fromNginx.status]).toEqual([path, 200, 200]);
      expect([path, compared(fromNginx)]).toEqual([path, compared(fromServer)]);
      // Equal and also right: not two copies of the same omission.
      expect(fromServer.headers['content-security-policy']).toContain(`connect-src 'self' ws://${HOST};`);
      expect(fromServer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(fromServer.headers['strict-transport-security']).toBeUndefined();
      expect(fromServer.headers['permissions-policy']).toContain('camera=(self)');
    }
  });

  it('sends HSTS and names the wss socket over TLS, as the server does when its proxy says https', async () => {
    for (const path of PATHS) {
      const [fromServer, fromNginx] = await Promise.all([
        get(`${serverBase}${path}`, { host: HOST, 'x-forwarded-proto': 'https' }),
        get(`https://127.0.0.1:${tlsPort}${path}`, { host: HOST }),
      ]);
      expect([path, fromServer.status, fromNginx.status]).toEqual([path, 200, 200]);
      expect([path, compared(fromNginx)]).toEqual([path, compared(fromServer)]);
      expect(fromServer.headers['content-security-policy']).toContain(`connect-src 'self' wss://${HOST};`);
      expect(fromServer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('keeps assets a year and asks for every page again', async () => {
    const asset = await get(`http://127.0.0.1:${plainPort}/assets/index-abc123.js`, { host: HOST });
    const page = await get(`http://127.0.0.1:${plainPort}/jits/some-jit/evidence`, { host: HOST });
    expect([asset.headers['cache-control'], page.headers['cache-control']]).toEqual(['public, max-age=31536000, immutable', 'no-cache']);
  });

  it("lets the workspace's own page open a socket through it, telling the server the host (with its port) and the scheme", async () => {
    const plain = `http://127.0.0.1:${plainPort}`;
    const tls = `https://127.0.0.1:${tlsPort}`;
    expect(await handshakeOutcome(plain, admin, { headers: { origin: plain } }, sockets)).toBe('connected');
    expect(await handshakeOutcome(tls, admin, { headers: { origin: tls }, selfSignedCertificate: true }, sockets)).toBe('connected');
    // nginx states the scheme itself: a client's own X-Forwarded-Proto does not pass.
    expect(await handshakeOutcome(plain, admin, { headers: { origin: `https://127.0.0.1:${plainPort}`, 'x-forwarded-proto': 'https' } }, sockets)).toBe('unauthenticated');
    expect(await handshakeOutcome(tls, admin, { headers: { origin: `http://127.0.0.1:${tlsPort}` }, selfSignedCertificate: true }, sockets)).toBe('unauthenticated');
  });
});
