import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../src/config/config.schema';
import type { TestDatabase } from './harness';

/**
 * A server in an operating-system process of its own, started from the source (run-server-from-source.js)
 * as an operator starts main.js: configured by its environment, the setup token read from its
 * stdout. For what one process cannot show: several server processes behind one database.
 * It is an ApiTarget, so ApiClient, setUpAdmin and buildTeam drive it over HTTP.
 */
export interface ServerProcess {
  readonly name: string;
  readonly baseUrl: string;
  /** The token the process printed ('' if it printed none, as when the workspace was already set up). */
  readonly setupToken: string;
  /** Its stdout and stderr so far, for the message of a failing test. */
  output(): string;
  /** Set (to how it ended) when the process ended before stop() was called. */
  readonly unexpectedExit: string | null;
  /** SIGTERM (the server's graceful shutdown), SIGKILL if it is still there after a few seconds. */
  stop(): Promise<void>;
}

const LOADER = join(__dirname, 'run-server-from-source.js');
const MAX_OUTPUT = 20_000;
// Two boots must fit in the 120 s of the beforeAll that starts them, on a slow, busy machine.
const BOOT_TIMEOUT_MS = 45_000;
const STOP_TIMEOUT_MS = 5_000;

/** A port free right now; the server binds it a moment later (the race is harmless on a test machine). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * Starts one server on `database` and resolves once /api/health answers. `environment` adds or
 * overrides variables (REDIS_URL...). Pass `expectSetupToken` for the first process on a fresh
 * database, so that the token is surely read before anyone needs it.
 */
export async function startServerProcess(
  name: string,
  database: TestDatabase,
  environment: Record<string, string> = {},
  options: { expectSetupToken?: boolean } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The parent's own settings (a developer's STORAGE_DRIVER, CI's DATABASE_URL) must not leak in:
  // like startTestApp, the child gets exactly the configuration the test gives it.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !CONFIG_VARIABLES.includes(key)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    DATA_DIR: database.dataDir,
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    // Low argon2 cost keeps the suite fast, as in startTestApp.
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    CLIENT_DIST_DIR: join(database.dataDir, 'no-client'),
    ...environment,
  };
  // stdin stays open and unused: the child ends when it closes (--exit-with-parent), even if this process dies before afterAll.
  const child = spawn(process.execPath, [LOADER, '--exit-with-parent'], { cwd: join(__dirname, '..'), env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let setupToken = '';
  const keep = (stream: string) => {
    let lineStart = true;
    return (chunk: Buffer) => {
      for (const piece of chunk.toString().split(/(?<=\n)/)) {
        output += `${lineStart ? `[${name} ${stream}] ` : ''}${piece}`;
        lineStart = piece.endsWith('\n');
      }
      // Read before the output is trimmed, which could cut it off.
      setupToken ||= /Setup token: (\S+)\n/.exec(output)?.[1] ?? '';
      if (output.length > MAX_OUTPUT) output = `…${output.slice(-MAX_OUTPUT)}`;
    };
  };
  child.stdout?.on('data', keep('out'));
  child.stderr?.on('data', keep('err'));
  let stopping = false;
  let unexpectedExit: string | null = null;
  // 'close' rather than 'exit': by then all it printed has arrived, for the report.
  child.once('close', (code, signal) => {
    if (!stopping) unexpectedExit = `exited by itself (code ${code}, signal ${signal})`;
  });

  const server: ServerProcess = {
    name,
    baseUrl,
    get setupToken() {
      return setupToken;
    },
    output: () => output,
    get unexpectedExit() {
      return unexpectedExit;
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return void child.stdin?.destroy();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
      child.stdin?.destroy();
    },
  };

  const started = Date.now();
  const healthy = () =>
    fetch(`${baseUrl}/api/health`).then(
      async (response) => {
        await response.text(); // read to the end, which releases the connection
        return response.ok;
      },
      () => false,
    );
  try {
    while (!((await healthy()) && (!options.expectSetupToken || setupToken !== ''))) {
      if (server.unexpectedExit) throw new Error(`server process ${name} ${server.unexpectedExit}`);
      if (Date.now() - started > BOOT_TIMEOUT_MS) throw new Error(`server process ${name} did not answer on ${baseUrl} within ${BOOT_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await server.stop();
    throw withOutputOf([server], error);
  }
  return server;
}

/** The error, its message followed by what the processes printed: the first thing to read when a test across processes fails. */
export function withOutputOf(processes: readonly ServerProcess[], error: unknown): Error {
  const failure = error instanceof Error ? error : new Error(String(error));
  const printed = processes.map((p) => `\n\n--- output of server process ${p.name}${p.unexpectedExit ? ` (${p.unexpectedExit})` : ''} ---\n${p.output() || '(nothing)'}`).join('');
  failure.message += printed;
  return failure;
}
