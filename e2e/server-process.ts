import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What global-setup hands to the tests and to global-teardown. */
export interface E2eState {
  baseURL: string;
  setupToken: string;
  dataDir: string;
  pid: number;
  logFile: string;
}

export const SERVER_ENTRY = resolve(__dirname, '../server/dist/main.js');
const STATE_FILE_NAME = 'e2e-state.json';

/** Asks the OS for a port nobody listens on (port 0), then releases it for the server. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('Could not obtain a free port'));
        return;
      }
      probe.close(() => resolvePort(address.port));
    });
  });
}

async function waitForHealth(baseURL: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) {
        const body = (await response.json()) as { status?: string };
        if (body.status === 'ok') return;
        lastProblem = `health answered ${JSON.stringify(body)}`;
      } else {
        lastProblem = `health answered HTTP ${response.status}`;
      }
    } catch (error) {
      lastProblem = String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server at ${baseURL} was not healthy within ${timeoutMs} ms (${lastProblem})`);
}

function waitForSetupToken(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolveToken, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`No "Setup token:" line on the server's stdout within ${timeoutMs} ms`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const match = /Setup token: (\S+)/.exec(buffer);
      if (match) {
        cleanup();
        resolveToken(match[1]);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`The server exited with code ${code} before printing its setup token`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
  });
}

/** Starts node ../server/dist/main.js with an empty DATA_DIR on a free port; resolves once healthy. */
export async function startServer(): Promise<E2eState> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jit-e2e-'));
  const logFile = join(dataDir, 'server.log');
  const port = await findFreePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);

  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: dataDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'warn',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      // The journeys log in several people; keep throttling out of the way.
      LOGIN_MAX_FAILURES_PER_IP: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  try {
    const tokenPromise = waitForSetupToken(child, 30_000);
    await waitForHealth(baseURL, child, 30_000);
    const setupToken = await tokenPromise;
    if (child.pid === undefined) throw new Error('The server process has no pid');
    const state: E2eState = { baseURL, setupToken, dataDir, pid: child.pid, logFile };
    return state;
  } catch (error) {
    child.kill('SIGKILL');
    let output = '';
    try {
      output = readFileSync(logFile, 'utf8');
    } catch {
      // no log yet
    }
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
}

export function writeState(state: E2eState): string {
  const file = join(state.dataDir, STATE_FILE_NAME);
  writeFileSync(file, JSON.stringify(state, null, 2));
  return file;
}

export function readState(file: string): E2eState {
  return JSON.parse(readFileSync(file, 'utf8')) as E2eState;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM (the server has shutdown hooks), SIGKILL after a grace period, then removes DATA_DIR. */
export async function stopServer(state: E2eState): Promise<void> {
  if (isAlive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (isAlive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(state.pid)) process.kill(state.pid, 'SIGKILL');
  }
  if (process.env.E2E_KEEP_DATA !== '1') rmSync(state.dataDir, { recursive: true, force: true });
}
