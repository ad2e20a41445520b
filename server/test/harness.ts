import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { CreateJitRequest, CreateUserRequest, Jit, JitRole, Me, Member } from '@jit/shared';
import { createApp } from '../src/app.factory';
import { createLogger } from '../src/common/logger';
import { loadConfig, type AppConfig } from '../src/config/config.schema';

/**
 * One running application on a database of its own: a fresh SQLite file, or, when DATABASE_URL
 * points to MySQL/MariaDB, a freshly created database on that server, dropped afterwards.
 */
export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  config: AppConfig;
  setupToken: string;
  driver: 'sqlite' | 'mysql';
  close(): Promise<void>;
}

/**
 * A database of its own for one test file: a fresh DATA_DIR (holding the SQLite file), and, when
 * DATABASE_URL points to MySQL/MariaDB, a freshly created database on that server. `drop` removes both.
 */
export interface TestDatabase {
  dataDir: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jit-test-'));
  const baseUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (baseUrl) {
    const server = new URL(baseUrl);
    const name = `jit_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = await createConnection({
      uri: `${server.protocol}//${server.username ? `${server.username}${server.password ? `:${server.password}` : ''}@` : ''}${server.host}/`,
    });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    server.pathname = `/${name}`;
    databaseUrl = server.toString();
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE \`${name}\``);
      await admin.end();
    };
  }
  return {
    dataDir,
    databaseUrl,
    async drop() {
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Pass `sameDatabaseAs` to run a second server process on the first one's database (closed by the first). */
export async function startTestApp(overrides: Record<string, string> = {}, sameDatabaseAs?: TestApp): Promise<TestApp> {
  const database: TestDatabase = sameDatabaseAs
    ? { dataDir: sameDatabaseAs.config.DATA_DIR, databaseUrl: sameDatabaseAs.config.DATABASE_URL, drop: async () => {} }
    : await createTestDatabase();
  const { dataDir, databaseUrl } = database;
  const config = loadConfig({
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // Low argon2 cost keeps the suite fast; the production default is tested in password.service.spec.
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    CLIENT_DIST_DIR: join(dataDir, 'no-client'),
    ...overrides,
  });

  // The setup token is printed on stdout, exactly as an operator sees it.
  let printed = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array, ...rest: never[]) => {
    printed += chunk.toString();
    return chunk.toString().includes('Setup token') ? true : write(chunk, ...rest);
  };
  let app: NestExpressApplication;
  try {
    ({ app } = await createApp(config, { logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') }));
    await app.init();
  } finally {
    process.stdout.write = write;
  }
  const setupToken = /Setup token: (\S+)/.exec(printed)?.[1] ?? '';
  return {
    app,
    dataSource: app.get(DataSource),
    config,
    setupToken,
    driver: databaseUrl ? 'mysql' : 'sqlite',
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * What an ApiClient talks to: an application in this process (a TestApp), or a server running in
 * a process of its own, reached at its base URL (server-process.ts).
 */
export type ApiTarget = Pick<TestApp, 'setupToken'> & ({ app: NestExpressApplication } | { baseUrl: string });

/** A browser-like client: keeps cookies and echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN, as the real client does. */
export class ApiClient<Target extends ApiTarget = TestApp> {
  readonly agent: ReturnType<typeof request.agent>;
  csrf: string | null = null;
  /** The session cookie, for clients other than HTTP (a socket handshake). */
  sessionCookie: string | null = null;
  me: Me | null = null;

  constructor(readonly testApp: Target) {
    const target: ApiTarget = testApp;
    this.agent = request.agent('baseUrl' in target ? target.baseUrl : target.app.getHttpServer());
  }

  send(method: Method, url: string, body?: unknown, options: { csrf?: boolean } = {}) {
    let req = this.agent[method](url).set('User-Agent', 'jest-integration');
    if (method !== 'get' && options.csrf !== false && this.csrf) req = req.set('X-XSRF-TOKEN', this.csrf);
    if (body !== undefined) req = req.send(body as object);
    return req.then((response) => {
      const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      const xsrf = cookies.map((c) => /^XSRF-TOKEN=([^;]*)/.exec(c)?.[1]).find((v) => v !== undefined);
      if (xsrf !== undefined) this.csrf = xsrf || null;
      const session = cookies.map((c) => /^jit_session=([^;]*)/.exec(c)?.[1]).find((v) => v !== undefined);
      if (session !== undefined) this.sessionCookie = session || null;
      return response;
    });
  }

  get(url: string) {
    return this.send('get', url);
  }
  post(url: string, body?: unknown) {
    return this.send('post', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.send('put', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.send('patch', url, body ?? {});
  }
  delete(url: string) {
    return this.send('delete', url);
  }

  async login(email: string, password: string): Promise<Me> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.me = response.body as Me;
    return this.me;
  }
}

export const ADMIN_PASSWORD = 'admin password of the test';
export const USER_PASSWORD = 'member password of the test';

export async function setUpAdmin<Target extends ApiTarget>(testApp: Target): Promise<ApiClient<Target>> {
  const admin = new ApiClient(testApp);
  const response = await admin.post('/api/setup', { setupToken: testApp.setupToken, email: 'admin@platform.test', password: ADMIN_PASSWORD, displayName: 'Platform Admin' });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${JSON.stringify(response.body)}`);
  admin.me = response.body as Me;
  return admin;
}

let userCounter = 0;

/** Creates an account through the API, signs it in and changes its initial password, as a person would. */
export async function createUser<Target extends ApiTarget>(admin: ApiClient<Target>, overrides: Partial<CreateUserRequest> = {}): Promise<ApiClient<Target>> {
  userCounter += 1;
  const body: CreateUserRequest = {
    email: `user${userCounter}.${randomBytes(3).toString('hex')}@agency.test`,
    displayName: `User ${userCounter}`,
    organisation: 'Agency',
    country: 'NL',
    language: 'en',
    timeZone: 'Europe/Amsterdam',
    initialPassword: 'initial password 123',
    ...overrides,
  };
  const created = await admin.post('/api/users', body);
  if (created.status !== 201) throw new Error(`user creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  const client = new ApiClient(admin.testApp);
  await client.login(body.email, body.initialPassword);
  const changed = await client.post('/api/auth/password', { currentPassword: body.initialPassword, newPassword: USER_PASSWORD });
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.status} ${JSON.stringify(changed.body)}`);
  client.me = changed.body as Me;
  return client;
}

export const jitRequest = (overrides: Partial<CreateJitRequest> = {}): CreateJitRequest => ({
  reference: `JIT-${randomBytes(4).toString('hex')}`,
  title: 'Crimes against humanity in the northern province',
  purpose: 'Investigate crimes against humanity committed in the northern province in 2024.',
  legalBasis: 'Ljubljana–The Hague Convention, art. 49',
  startDate: '2026-01-01',
  endDate: '2030-12-31',
  workingLanguage: 'en',
  statesOfOperation: ['NL'],
  parties: [
    { kind: 'party', country: 'NL', name: 'Netherlands', authority: 'Public Prosecution Service' },
    { kind: 'party', country: 'FR', name: 'France', authority: 'Parquet national antiterroriste' },
    { kind: 'participant', name: 'Eurojust', authority: 'Eurojust' },
  ],
  leadPartyCountry: 'NL',
  ...overrides,
});

export async function createJit(admin: ApiClient<ApiTarget>, overrides: Partial<CreateJitRequest> = {}): Promise<Jit> {
  const response = await admin.post('/api/jits', jitRequest(overrides));
  if (response.status !== 201) throw new Error(`JIT creation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Jit;
}

export async function addMember(by: ApiClient<ApiTarget>, jit: Jit, user: ApiClient<ApiTarget>, partyCountry: string | null, role: JitRole): Promise<Member> {
  const party = jit.parties.find((p) => (partyCountry ? p.country === partyCountry : p.kind === 'participant'));
  if (!party || !user.me) throw new Error('no such party or user');
  const response = await by.post(`/api/jits/${jit.id}/members`, { userId: user.me.id, partyId: party.id, role });
  if (response.status !== 201) throw new Error(`adding a member failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Member;
}

/** A JIT between NL (lead) and FR with a participant, and one person in each role. */
export interface Team<Target extends ApiTarget = TestApp> {
  admin: ApiClient<Target>;
  jit: Jit;
  leadLeader: ApiClient<Target>;
  otherLeader: ApiClient<Target>;
  member: ApiClient<Target>;
  legalAdviser: ApiClient<Target>;
  observer: ApiClient<Target>;
  outsider: ApiClient<Target>;
  memberships: Record<'leadLeader' | 'otherLeader' | 'member' | 'legalAdviser' | 'observer', Member>;
}

export async function buildTeam<Target extends ApiTarget>(testApp: Target, admin?: ApiClient<Target>): Promise<Team<Target>> {
  admin ??= await setUpAdmin(testApp);
  const jit = await createJit(admin);
  const [leadLeader, otherLeader, member, legalAdviser, observer, outsider] = await Promise.all([
    createUser(admin, { displayName: 'Lead Leader' }),
    createUser(admin, { displayName: 'French Leader', country: 'FR', language: 'fr', timeZone: 'Europe/Paris' }),
    createUser(admin, { displayName: 'Investigator' }),
    createUser(admin, { displayName: 'Legal Adviser' }),
    createUser(admin, { displayName: 'Observer', organisation: 'Eurojust' }),
    createUser(admin, { displayName: 'Outsider' }),
  ]);
  const memberships = {
    leadLeader: await addMember(admin, jit, leadLeader, 'NL', 'leader'),
    otherLeader: await addMember(admin, jit, otherLeader, 'FR', 'leader'),
    member: await addMember(leadLeader, jit, member, 'NL', 'member'),
    legalAdviser: await addMember(leadLeader, jit, legalAdviser, 'NL', 'legal_adviser'),
    observer: await addMember(leadLeader, jit, observer, null, 'observer'),
  };
  const refreshed = (await leadLeader.get(`/api/jits/${jit.id}`)).body as Jit;
  return { admin, jit: refreshed, leadLeader, otherLeader, member, legalAdviser, observer, outsider, memberships };
}

/** What describes an upload as an item: a witness statement from the NL party, for use in the JIT. */
export const itemDescription = (jit: Jit, uploadId: string, title: string) => ({
  uploadId,
  title,
  documentType: 'witness_statement',
  originatingPartyId: jit.parties.find((p) => p.country === 'NL')?.id,
  handlingCode: 'evidential_use_in_jit',
});

/** The newest sequence number of a chain, read straight from the database. */
export async function headSeq(testApp: TestApp, chain: string): Promise<number> {
  const rows: Array<{ seq: number }> = await testApp.dataSource.query(`SELECT seq FROM audit_chain_heads WHERE chain = ?`, [chain]);
  return Number(rows[0]?.seq ?? 0);
}
