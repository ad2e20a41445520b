import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { ApiError, EvidenceItem, Jit, Member, Permission, SecondFactorOverview, Task, TotpEnrolment } from '@jit/shared';
import { totpCode } from '../src/auth/factors/totp';
import { addMember, ADMIN_PASSWORD, ApiClient, buildTeam, createJit, createUser, jitRequest, startTestApp, USER_PASSWORD, type Team, type TestApp } from './harness';
import { ReadAccessService } from '../src/access/read-access.service';
import { encodeMetadata, TusClient, TUS_CONTENT_TYPE, TUS_VERSION } from './tus-client';

/**
 * Every route × every kind of caller → the one expected status, in the order of checks of the
 * access guard: 401, CSRF 403, outsider 404, permission 403, then validation 400, then state 409.
 */

const ACTORS = ['anonymous', 'admin', 'outsider', 'observer', 'member', 'legalAdviser', 'otherLeader', 'leadLeader'] as const;
type Actor = (typeof ACTORS)[number];
type SignedInActor = Exclude<Actor, 'anonymous'>;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';

interface Call {
  url: string;
  body?: unknown;
  /** Headers of a tus request (Tus-Resumable, Upload-Length, …). */
  headers?: Record<string, string>;
  /** A raw body (a tus chunk) instead of JSON. */
  raw?: Buffer;
  /** Sends with this client instead of the actor's own (a fresh session of the same person). */
  client?: ApiClient;
}

interface Row {
  method: Method;
  /** As the OpenAPI document writes it. */
  path: string;
  expect: Record<Actor, number>;
  /** The permission a refused member or account lacks (403 rows). */
  permission?: Permission;
  /** The error code of a 409 row. */
  conflict?: string;
  /** A request the actor would be allowed to make; may prepare fresh state when the actor succeeds. */
  call(actor: Actor, succeeds: boolean): Call | Promise<Call>;
  /** A request that fails validation: 400 for an actor who may use the route, the refusal otherwise. */
  invalid?: (actor: Actor) => Call | Promise<Call>;
  /** Undo what a successful call changed. */
  undo?(actor: Actor, client: ApiClient): Promise<void>;
}

const MUTATING = new Set<Method>(['post', 'put', 'patch', 'delete']);
const DOCUMENTED_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

const all = (status: number): Record<Actor, number> => ({
  anonymous: status,
  admin: status,
  outsider: status,
  observer: status,
  member: status,
  legalAdviser: status,
  otherLeader: status,
  leadLeader: status,
});
const signedIn = (status: number): Record<Actor, number> => ({ ...all(status), anonymous: 401 });
const adminOnly = (status: number): Record<Actor, number> => ({ ...all(403), anonymous: 401, admin: status });
/** A JIT route: outsiders 404, members and the administrator 403 unless granted. */
const jitRoute = (granted: Partial<Record<SignedInActor, number>>): Record<Actor, number> => ({ ...all(403), anonymous: 401, outsider: 404, ...granted });

const CODE_BY_STATUS: Record<number, string> = { 400: 'validation_failed', 401: 'unauthenticated', 404: 'not_found' };

function outcome(response: Response) {
  const body = response.body as Partial<ApiError>;
  return { status: response.status, error: body.error, permission: body.permission };
}

/** JSON calls go through ApiClient.send; tus calls (headers, raw bytes, HEAD, OPTIONS) through the agent with the same CSRF rule. */
function send(client: ApiClient, method: Method, call: Call, options: { csrf?: boolean } = {}): Promise<Response> {
  if (method !== 'head' && method !== 'options' && !call.headers && !call.raw) return client.send(method, call.url, call.body, options);
  let req = client.agent[method](call.url).set('User-Agent', 'jest-integration');
  if (MUTATING.has(method) && options.csrf !== false && client.csrf) req = req.set('X-XSRF-TOKEN', client.csrf);
  for (const [name, value] of Object.entries(call.headers ?? {})) req = req.set(name, value);
  if (call.raw) return req.send(call.raw);
  return call.body === undefined ? req : req.send(call.body as object);
}

function expectErrorShape(response: Response): void {
  // A HEAD answer has no body to check.
  if (response.request.method === 'HEAD') return;
  const body = response.body as ApiError;
  expect(body.statusCode).toBe(response.status);
  expect(typeof body.message).toBe('string');
  expect(Object.keys(body).every((key) => ['statusCode', 'error', 'message', 'details', 'permission'].includes(key))).toBe(true);
}

describe('access matrix', () => {
  let testApp: TestApp;
  let team: Team;
  let clients: Record<SignedInActor, ApiClient>;
  let scratchUserId: string;
  let counter = 0;

  const passwordOf = (actor: SignedInActor) => (actor === 'admin' ? ADMIN_PASSWORD : USER_PASSWORD);
  const emailOf = (actor: SignedInActor) => clients[actor].me?.email ?? '';
  const clientOf = (actor: Actor) => (actor === 'anonymous' ? new ApiClient(testApp) : clients[actor]);
  const party = (jit: Jit, country: string | null) => {
    const found = jit.parties.find((p) => (country ? p.country === country : p.kind === 'participant'));
    if (!found) throw new Error(`no party ${country}`);
    return found;
  };
  const freshSession = async (actor: SignedInActor): Promise<ApiClient> => {
    const client = new ApiClient(testApp);
    await client.login(emailOf(actor), passwordOf(actor));
    return client;
  };
  /** An account that belongs to no JIT yet (never signed in: adding it as a member needs no more). */
  const freshUserId = async (): Promise<string> => {
    counter += 1;
    const response = await team.admin.post('/api/users', {
      email: `fresh${counter}.${randomBytes(3).toString('hex')}@agency.test`,
      displayName: `Fresh ${counter}`,
      organisation: 'Agency',
      country: 'NL',
      language: 'en',
      timeZone: 'Europe/Amsterdam',
      initialPassword: 'initial password 123',
    });
    if (response.status !== 201) throw new Error(`user creation failed: ${response.status}`);
    return (response.body as { id: string }).id;
  };
  /** The same team in a JIT of its own, for calls that change the JIT's state for good. */
  const freshTeamJit = async (): Promise<Jit> => {
    const jit = await createJit(team.admin);
    await addMember(team.admin, jit, team.leadLeader, 'NL', 'leader');
    await addMember(team.admin, jit, team.otherLeader, 'FR', 'leader');
    await addMember(team.leadLeader, jit, team.member, 'NL', 'member');
    await addMember(team.leadLeader, jit, team.legalAdviser, 'NL', 'legal_adviser');
    await addMember(team.leadLeader, jit, team.observer, null, 'observer');
    return jit;
  };
  /** A fresh membership the actor may manage: own party for the FR leader, a leader for the administrator. */
  const freshMembershipFor = async (actor: Actor): Promise<Member> => {
    const country = actor === 'otherLeader' ? 'FR' : 'NL';
    const role = actor === 'admin' ? 'leader' : 'member';
    const response = await team.leadLeader.post(`/api/jits/${team.jit.id}/members`, { userId: await freshUserId(), partyId: party(team.jit, country).id, role });
    if (response.status !== 201) throw new Error(`adding a member failed: ${response.status}`);
    return response.body as Member;
  };
  const jitUrl = (suffix = '') => `/api/jits/${team.jit.id}${suffix}`;
  /**
   * A signed-in account of its own, with an authenticator app enrolment begun (and confirmed when
   * `confirm`): routes on one's own second factor change the caller's sessions, so no actor's own.
   */
  const accountWithFactor = async (confirm: boolean): Promise<{ client: ApiClient; factorId: string; secret: string }> => {
    const client = await createUser(team.admin);
    const enrolment = (await client.post('/api/auth/factors/totp')).body as TotpEnrolment;
    if (confirm) {
      const confirmed = await client.post(`/api/auth/factors/totp/${enrolment.factorId}/confirm`, { code: totpCode(enrolment.secret, new Date()), label: 'Phone' });
      if (confirmed.status !== 200) throw new Error(`enrolment failed: ${confirmed.status}`);
    }
    return { client, factorId: enrolment.factorId, secret: enrolment.secret };
  };

  /** evidence.upload, evidence.verify, folders.manage: leaders, members and legal advisers. */
  const CONTRIBUTORS = (status: number): Partial<Record<SignedInActor, number>> => ({ member: status, legalAdviser: status, otherLeader: status, leadLeader: status });
  /** evidence.read: every member. */
  const READERS = (status: number): Partial<Record<SignedInActor, number>> => ({ observer: status, ...CONTRIBUTORS(status) });
  /** An available NL item, described by the member. */
  let item: EvidenceItem;
  /** The member's upload, still receiving: what refused callers name. */
  let memberUpload: string;
  const tusOf = (actor: SignedInActor) => new TusClient(clients[actor], team.jit.id);
  const describeItem = () => ({
    title: 'Matrix statement',
    documentType: 'witness_statement',
    originatingPartyId: party(team.jit, 'NL').id,
    handlingCode: 'evidential_use_in_jit',
  });
  /** A fresh upload of the actor's own when they may upload; otherwise the member's (refused before it is looked up). */
  const uploadFor = async (actor: Actor, succeeds: boolean): Promise<string> =>
    succeeds && actor !== 'anonymous' ? tusOf(actor).start({ length: 10, fileName: 'matrix.txt' }) : memberUpload;
  /** A complete upload of the actor's own, with bytes no other upload has. */
  const completeUploadOf = async (actor: Actor): Promise<string> =>
    actor === 'anonymous' ? memberUpload : tusOf(actor).upload(Buffer.from(`Matrix ${actor} ${randomBytes(8).toString('hex')}`), { fileName: 'matrix.txt' });
  /** One receiving upload per actor who may upload, for the invalid PATCH. */
  const probes = new Map<Actor, Promise<string>>();
  const probeUploadOf = (actor: Actor): Promise<string> => {
    if (actor === 'anonymous' || !Object.keys(CONTRIBUTORS(0)).includes(actor)) return Promise.resolve(memberUpload);
    const known = probes.get(actor) ?? tusOf(actor).start({ length: 10, fileName: 'probe.txt' });
    probes.set(actor, known);
    return known;
  };

  const ROWS: Row[] = [
    { method: 'get', path: '/api/health', expect: all(200), call: () => ({ url: '/api/health' }) },
    { method: 'get', path: '/api/setup', expect: all(200), call: () => ({ url: '/api/setup' }) },
    {
      method: 'post',
      path: '/api/setup',
      expect: all(409),
      conflict: 'setup_already_done',
      call: () => ({ url: '/api/setup', body: { setupToken: testApp.setupToken, email: 'second@platform.test', password: 'a long enough password', displayName: 'Second' } }),
      invalid: () => ({ url: '/api/setup', body: { setupToken: 5, bogus: true } }),
    },
    {
      method: 'post',
      path: '/api/auth/login',
      expect: all(200),
      // Signed-in callers sign in again with their own client; the anonymous caller as the outsider.
      call: (actor) => ({
        url: '/api/auth/login',
        body: { email: emailOf(actor === 'anonymous' ? 'outsider' : actor), password: passwordOf(actor === 'anonymous' ? 'outsider' : actor) },
      }),
      invalid: () => ({ url: '/api/auth/login', body: { email: 5, bogus: true } }),
    },
    {
      method: 'post',
      path: '/api/auth/logout',
      expect: signedIn(204),
      // A session of its own, so the actor's main session lives on.
      call: async (actor, succeeds) => ({ url: '/api/auth/logout', ...(succeeds && actor !== 'anonymous' ? { client: await freshSession(actor) } : {}) }),
    },
    { method: 'get', path: '/api/auth/me', expect: signedIn(200), call: () => ({ url: '/api/auth/me' }) },
    { method: 'get', path: '/api/auth/tokens', expect: signedIn(200), call: () => ({ url: '/api/auth/tokens' }) },
    {
      method: 'post',
      path: '/api/auth/tokens',
      expect: signedIn(201),
      call: () => ({ url: '/api/auth/tokens', body: { name: 'matrix token' } }),
      invalid: () => ({ url: '/api/auth/tokens', body: { name: '' } }),
    },
    {
      method: 'delete',
      path: '/api/auth/tokens/{tokenId}',
      expect: signedIn(200),
      // Each signed-in caller revokes a token of their own, made for the purpose.
      call: async (actor, succeeds) => {
        if (!succeeds || actor === 'anonymous') return { url: `/api/auth/tokens/${randomUUID()}` };
        const made = await clients[actor].post('/api/auth/tokens', { name: 'to revoke' });
        return { url: `/api/auth/tokens/${(made.body as { id: string }).id}` };
      },
    },
    {
      method: 'patch',
      path: '/api/auth/me',
      expect: signedIn(200),
      call: (actor) => ({ url: '/api/auth/me', body: { timeZone: actor === 'anonymous' ? 'UTC' : (clients[actor].me?.timeZone ?? 'UTC') } }),
      invalid: () => ({ url: '/api/auth/me', body: { language: 'xx' } }),
    },
    {
      method: 'post',
      path: '/api/auth/password',
      expect: signedIn(200),
      call: (actor) => ({ url: '/api/auth/password', body: { currentPassword: actor === 'anonymous' ? USER_PASSWORD : passwordOf(actor), newPassword: 'a temporary password' } }),
      invalid: () => ({ url: '/api/auth/password', body: { currentPassword: 'whatever', newPassword: 'short' } }),
      undo: async (actor, client) => {
        if (actor === 'anonymous') return;
        const response = await client.post('/api/auth/password', { currentPassword: 'a temporary password', newPassword: passwordOf(actor) });
        if (response.status !== 200) throw new Error(`restoring the password failed: ${response.status}`);
      },
    },
    // Signed in already, so there is no code to give; the code step itself is in second-factor.int-spec.
    { method: 'post', path: '/api/auth/second-factor', expect: signedIn(409), conflict: 'conflict', call: () => ({ url: '/api/auth/second-factor', body: { code: '123456' } }) },
    {
      method: 'post',
      path: '/api/auth/step-up',
      expect: signedIn(204),
      call: (actor) => ({ url: '/api/auth/step-up', body: { password: actor === 'anonymous' ? USER_PASSWORD : passwordOf(actor) } }),
      invalid: () => ({ url: '/api/auth/step-up', body: { password: 5 } }),
    },
    { method: 'get', path: '/api/auth/factors', expect: signedIn(200), call: () => ({ url: '/api/auth/factors' }) },
    { method: 'get', path: '/api/auth/sessions', expect: signedIn(200), call: () => ({ url: '/api/auth/sessions' }) },
    {
      method: 'delete',
      path: '/api/auth/sessions/{sessionId}',
      expect: signedIn(204),
      // Each signed-in caller ends a second session of their own, opened for the purpose.
      call: async (actor, succeeds) => {
        if (!succeeds || actor === 'anonymous') return { url: `/api/auth/sessions/${randomBytes(32).toString('hex')}` };
        await freshSession(actor);
        const other = ((await clients[actor].get('/api/auth/sessions')).body as Array<{ id: string; current: boolean }>).find((s) => !s.current);
        return { url: `/api/auth/sessions/${other?.id ?? 'none'}` };
      },
    },
    {
      method: 'post',
      path: '/api/auth/factors/totp',
      expect: signedIn(201),
      call: async (actor, succeeds) => ({ url: '/api/auth/factors/totp', ...(succeeds && actor !== 'anonymous' ? { client: await createUser(team.admin) } : {}) }),
    },
    {
      method: 'post',
      path: '/api/auth/factors/totp/{factorId}/confirm',
      expect: signedIn(200),
      call: async (actor, succeeds) => {
        if (!succeeds || actor === 'anonymous') return { url: `/api/auth/factors/totp/${randomUUID()}/confirm`, body: { code: '123456', label: 'Phone' } };
        const { client, factorId, secret } = await accountWithFactor(false);
        return { url: `/api/auth/factors/totp/${factorId}/confirm`, body: { code: totpCode(secret, new Date()), label: 'Phone' }, client };
      },
      invalid: () => ({ url: `/api/auth/factors/totp/${randomUUID()}/confirm`, body: { code: 'twelve', label: '' } }),
    },
    {
      method: 'delete',
      path: '/api/auth/factors/{factorId}',
      expect: signedIn(204),
      call: async (actor, succeeds) => {
        if (!succeeds || actor === 'anonymous') return { url: `/api/auth/factors/${randomUUID()}` };
        const { client } = await accountWithFactor(true);
        const [factor] = ((await client.get('/api/auth/factors')).body as SecondFactorOverview).factors;
        return { url: `/api/auth/factors/${factor.id}`, client };
      },
    },
    {
      method: 'post',
      path: '/api/auth/recovery-codes',
      expect: signedIn(201),
      call: async (actor, succeeds) => ({ url: '/api/auth/recovery-codes', ...(succeeds && actor !== 'anonymous' ? { client: (await accountWithFactor(true)).client } : {}) }),
    },
    { method: 'get', path: '/api/platform/settings', expect: adminOnly(200), permission: 'platform_settings.update', call: () => ({ url: '/api/platform/settings' }) },
    {
      method: 'put',
      path: '/api/platform/settings',
      expect: adminOnly(200),
      permission: 'platform_settings.update',
      call: () => ({ url: '/api/platform/settings', body: { secondFactorRequired: false } }),
      invalid: () => ({ url: '/api/platform/settings', body: { secondFactorRequired: 'yes' } }),
    },
    { method: 'get', path: '/api/users', expect: adminOnly(200), permission: 'users.read', call: () => ({ url: '/api/users' }) },
    {
      method: 'post',
      path: '/api/users',
      expect: adminOnly(201),
      permission: 'users.create',
      call: () => ({
        url: '/api/users',
        body: {
          email: `matrix.${randomBytes(4).toString('hex')}@agency.test`,
          displayName: 'Matrix',
          organisation: 'Agency',
          country: 'BE',
          language: 'fr',
          timeZone: 'Europe/Brussels',
          initialPassword: 'initial password 123',
        },
      }),
      invalid: () => ({ url: '/api/users', body: { email: 'not an email' } }),
    },
    {
      method: 'patch',
      path: '/api/users/{userId}',
      expect: adminOnly(200),
      permission: 'users.update',
      call: () => ({ url: `/api/users/${scratchUserId}`, body: { organisation: 'Other agency' } }),
      invalid: () => ({ url: `/api/users/${scratchUserId}`, body: { disabled: 'yes' } }),
    },
    { method: 'get', path: '/api/jits', expect: signedIn(200), call: () => ({ url: '/api/jits' }) },
    {
      method: 'post',
      path: '/api/jits',
      expect: adminOnly(201),
      permission: 'jits.create',
      call: () => ({ url: '/api/jits', body: jitRequest() }),
      invalid: () => ({ url: '/api/jits', body: { ...jitRequest(), startDate: '2026-02-30' } }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}',
      expect: jitRoute({ admin: 200, observer: 200, member: 200, legalAdviser: 200, otherLeader: 200, leadLeader: 200 }),
      call: () => ({ url: jitUrl() }),
    },
    {
      method: 'patch',
      path: '/api/jits/{jitId}',
      expect: jitRoute({ admin: 200, leadLeader: 200 }),
      permission: 'jit.update',
      call: () => ({ url: jitUrl(), body: { title: 'Crimes against humanity in the northern province (amended)' } }),
      invalid: () => ({ url: jitUrl(), body: { workingLanguage: 'xx' } }),
    },
    {
      method: 'put',
      path: '/api/jits/{jitId}/second-factor',
      expect: jitRoute({ admin: 200, leadLeader: 200 }),
      permission: 'jit.update',
      call: () => ({ url: jitUrl('/second-factor'), body: { required: false } }),
      invalid: () => ({ url: jitUrl('/second-factor'), body: { required: 'yes' } }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/activate',
      expect: jitRoute({ admin: 200, leadLeader: 200 }),
      permission: 'jit.activate',
      call: async (_, succeeds) => ({ url: `/api/jits/${succeeds ? (await freshTeamJit()).id : team.jit.id}/activate` }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/extensions',
      expect: jitRoute({ admin: 201, leadLeader: 201 }),
      permission: 'jit.extend',
      call: async () => {
        const current = (await team.admin.get(jitUrl())).body as Jit;
        const next = new Date(`${current.effectiveEndDate}T00:00:00.000Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        return { url: jitUrl('/extensions'), body: { newEndDate: next.toISOString().slice(0, 10), agreedOn: '2026-01-15', note: 'Agreed by both parties' } };
      },
      invalid: () => ({ url: jitUrl('/extensions'), body: { newEndDate: 'tomorrow', agreedOn: '2026-01-15' } }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/close',
      expect: jitRoute({ leadLeader: 200 }),
      permission: 'jit.close',
      call: async (_, succeeds) => ({ url: `/api/jits/${succeeds ? (await freshTeamJit()).id : team.jit.id}/close` }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/members',
      expect: jitRoute({ admin: 200, observer: 200, member: 200, legalAdviser: 200, otherLeader: 200, leadLeader: 200 }),
      call: () => ({ url: jitUrl('/members') }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/members',
      expect: jitRoute({ admin: 201, otherLeader: 201, leadLeader: 201 }),
      permission: 'members.manage',
      call: async (actor, succeeds) => ({
        url: jitUrl('/members'),
        body: {
          userId: succeeds ? await freshUserId() : (team.outsider.me?.id ?? ''),
          partyId: party(team.jit, actor === 'otherLeader' ? 'FR' : 'NL').id,
          role: actor === 'admin' ? 'leader' : 'member',
        },
      }),
      invalid: () => ({ url: jitUrl('/members'), body: { userId: 'not a uuid', partyId: party(team.jit, 'NL').id, role: 'member' } }),
    },
    {
      method: 'patch',
      path: '/api/jits/{jitId}/members/{memberId}',
      expect: jitRoute({ admin: 200, otherLeader: 200, leadLeader: 200 }),
      permission: 'members.manage',
      call: async (actor, succeeds) => ({
        url: jitUrl(`/members/${succeeds ? (await freshMembershipFor(actor)).id : team.memberships.member.id}`),
        body: { accessExpiresAt: '2031-06-30T12:00:00.000Z' },
      }),
      invalid: () => ({ url: jitUrl(`/members/${team.memberships.otherLeader.id}`), body: { role: 'boss' } }),
    },
    {
      method: 'delete',
      path: '/api/jits/{jitId}/members/{memberId}',
      expect: jitRoute({ admin: 200, otherLeader: 200, leadLeader: 200 }),
      permission: 'members.manage',
      call: async (actor, succeeds) => ({ url: jitUrl(`/members/${succeeds ? (await freshMembershipFor(actor)).id : team.memberships.member.id}`) }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/user-lookup',
      expect: jitRoute({ admin: 200, otherLeader: 200, leadLeader: 200 }),
      permission: 'users.lookup',
      call: () => ({ url: jitUrl(`/user-lookup?email=${encodeURIComponent(emailOf('outsider'))}`) }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/audit',
      expect: jitRoute({ observer: 200, member: 200, legalAdviser: 200, otherLeader: 200, leadLeader: 200 }),
      permission: 'record.read',
      call: () => ({ url: jitUrl('/audit?limit=10') }),
      invalid: () => ({ url: jitUrl('/audit?limit=0') }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/audit/verify',
      expect: jitRoute({ legalAdviser: 200, otherLeader: 200, leadLeader: 200 }),
      permission: 'record.verify',
      call: () => ({ url: jitUrl('/audit/verify') }),
    },
    {
      method: 'get',
      path: '/api/audit',
      expect: adminOnly(200),
      permission: 'platform_record.read',
      call: () => ({ url: '/api/audit?limit=10' }),
      invalid: () => ({ url: '/api/audit?limit=abc' }),
    },
    { method: 'get', path: '/api/audit/verify', expect: adminOnly(200), permission: 'platform_record.read', call: () => ({ url: '/api/audit/verify' }) },

    // ---- evidence: tus uploads (an upload is its creator's; the others get 404) ----
    { method: 'options', path: '/api/jits/{jitId}/uploads', expect: all(204), call: () => ({ url: jitUrl('/uploads') }) },
    {
      method: 'post',
      path: '/api/jits/{jitId}/uploads',
      expect: jitRoute(CONTRIBUTORS(201)),
      permission: 'evidence.upload',
      call: () => ({ url: jitUrl('/uploads'), headers: { 'Tus-Resumable': TUS_VERSION, 'Upload-Length': '10', 'Upload-Metadata': encodeMetadata({ filename: 'matrix.txt' }) } }),
      invalid: () => ({ url: jitUrl('/uploads'), headers: { 'Tus-Resumable': TUS_VERSION, 'Upload-Length': '0', 'Upload-Metadata': encodeMetadata({ filename: 'matrix.txt' }) } }),
    },
    {
      method: 'head',
      path: '/api/jits/{jitId}/uploads/{uploadId}',
      expect: jitRoute(CONTRIBUTORS(200)),
      permission: 'evidence.upload',
      call: async (actor, succeeds) => ({ url: jitUrl(`/uploads/${await uploadFor(actor, succeeds)}`), headers: { 'Tus-Resumable': TUS_VERSION } }),
    },
    {
      method: 'patch',
      path: '/api/jits/{jitId}/uploads/{uploadId}',
      expect: jitRoute(CONTRIBUTORS(204)),
      permission: 'evidence.upload',
      call: async (actor, succeeds) => ({
        url: jitUrl(`/uploads/${await uploadFor(actor, succeeds)}`),
        headers: { 'Tus-Resumable': TUS_VERSION, 'Upload-Offset': '0', 'Content-Type': TUS_CONTENT_TYPE },
        raw: Buffer.from('ten bytes!'),
      }),
      // No Upload-Offset, on an upload the actor may resume (their own, still receiving).
      invalid: async (actor) => ({
        url: jitUrl(`/uploads/${await probeUploadOf(actor)}`),
        headers: { 'Tus-Resumable': TUS_VERSION, 'Content-Type': TUS_CONTENT_TYPE },
        raw: Buffer.from('x'),
      }),
    },
    {
      method: 'delete',
      path: '/api/jits/{jitId}/uploads/{uploadId}',
      expect: jitRoute(CONTRIBUTORS(204)),
      permission: 'evidence.upload',
      call: async (actor, succeeds) => ({ url: jitUrl(`/uploads/${await uploadFor(actor, succeeds)}`), headers: { 'Tus-Resumable': TUS_VERSION } }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/uploads/{uploadId}/status',
      expect: jitRoute(CONTRIBUTORS(200)),
      permission: 'evidence.upload',
      call: async (actor, succeeds) => ({ url: jitUrl(`/uploads/${await uploadFor(actor, succeeds)}/status`) }),
    },
    // ---- evidence items, versions, custody, content, folders ----
    {
      method: 'get',
      path: '/api/jits/{jitId}/evidence',
      expect: jitRoute(READERS(200)),
      permission: 'evidence.read',
      call: () => ({ url: jitUrl('/evidence') }),
      invalid: () => ({ url: jitUrl('/evidence?limit=0') }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/evidence',
      expect: jitRoute(CONTRIBUTORS(201)),
      permission: 'evidence.upload',
      call: async (actor, succeeds) => ({
        url: jitUrl('/evidence'),
        body: { ...describeItem(), uploadId: succeeds ? await completeUploadOf(actor) : memberUpload },
      }),
      invalid: () => ({ url: jitUrl('/evidence'), body: { ...describeItem(), uploadId: 'not a uuid', title: 5 } }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/evidence/{itemId}',
      expect: jitRoute(READERS(200)),
      permission: 'evidence.read',
      call: () => ({ url: jitUrl(`/evidence/${item.id}`) }),
    },
    {
      method: 'patch',
      path: '/api/jits/{jitId}/evidence/{itemId}',
      // Only the uploader's party (NL): the FR leader holds evidence.edit but is refused for this item.
      expect: jitRoute({ member: 200, legalAdviser: 200, leadLeader: 200 }),
      permission: 'evidence.edit',
      call: (actor) => ({ url: jitUrl(`/evidence/${item.id}`), body: { description: `Reviewed by ${actor}` } }),
      invalid: () => ({ url: jitUrl(`/evidence/${item.id}`), body: { documentType: 'rumour' } }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/evidence/{itemId}/versions',
      expect: jitRoute(CONTRIBUTORS(201)),
      permission: 'evidence.upload',
      call: async (actor, succeeds) => ({
        url: jitUrl(`/evidence/${item.id}/versions`),
        body: { uploadId: succeeds ? await completeUploadOf(actor) : memberUpload, kind: 'working_copy', derivedFromVersionId: item.versions[0].id },
      }),
      invalid: () => ({ url: jitUrl(`/evidence/${item.id}/versions`), body: { uploadId: randomUUID(), kind: 'original', derivedFromVersionId: item.versions[0].id } }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/evidence/{itemId}/custody',
      expect: jitRoute(READERS(200)),
      permission: 'evidence.read',
      call: () => ({ url: jitUrl(`/evidence/${item.id}/custody`) }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/evidence/{itemId}/verify',
      expect: jitRoute(CONTRIBUTORS(200)),
      permission: 'evidence.verify',
      call: () => ({ url: jitUrl(`/evidence/${item.id}/verify`) }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/evidence/{itemId}/versions/{versionId}/content',
      expect: jitRoute(READERS(200)),
      permission: 'evidence.read',
      call: () => ({ url: jitUrl(`/evidence/${item.id}/versions/${item.versions[0].id}/content`) }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/folders',
      expect: jitRoute(READERS(200)),
      permission: 'evidence.read',
      call: () => ({ url: jitUrl('/folders') }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/folders',
      expect: jitRoute(CONTRIBUTORS(201)),
      permission: 'folders.manage',
      call: (actor) => ({ url: jitUrl('/folders'), body: { name: `Folder of ${actor} ${randomBytes(2).toString('hex')}` } }),
      invalid: () => ({ url: jitUrl('/folders'), body: { name: '   ', parentId: 'nope' } }),
    },
    { method: 'get', path: '/api/jits/{jitId}/notes', expect: jitRoute(READERS(200)), permission: 'notes.read', call: () => ({ url: jitUrl('/notes') }) },
    {
      method: 'post',
      path: '/api/jits/{jitId}/notes',
      expect: jitRoute(CONTRIBUTORS(201)),
      permission: 'notes.write',
      call: (actor) => ({ url: jitUrl('/notes'), body: { title: `Note of ${actor}`, body: 'text' } }),
      invalid: () => ({ url: jitUrl('/notes'), body: { title: '', body: 5 } }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/notes/{noteId}',
      expect: jitRoute(READERS(200)),
      permission: 'notes.read',
      call: async () => ({ url: jitUrl(`/notes/${await freshNote()}`) }),
    },
    {
      method: 'patch',
      path: '/api/jits/{jitId}/notes/{noteId}',
      expect: jitRoute(CONTRIBUTORS(200)),
      permission: 'notes.write',
      // A fresh note per call, so revision 1 is always the base.
      call: async () => ({ url: jitUrl(`/notes/${await freshNote()}`), body: { baseRevision: 1, body: 'edited' } }),
      invalid: () => ({ url: jitUrl(`/notes/${randomUUID()}`), body: { baseRevision: 'one' } }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/notes/{noteId}/revisions',
      expect: jitRoute(READERS(200)),
      permission: 'notes.read',
      call: async () => ({ url: jitUrl(`/notes/${await freshNote()}/revisions`) }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/notes/{noteId}/restore',
      expect: jitRoute(CONTRIBUTORS(201)),
      permission: 'notes.write',
      call: async () => ({ url: jitUrl(`/notes/${await freshNote()}/restore`), body: { revision: 1, baseRevision: 1 } }),
      invalid: () => ({ url: jitUrl(`/notes/${randomUUID()}/restore`), body: { revision: 0 } }),
    },
    { method: 'get', path: '/api/tasks/mine', expect: signedIn(200), call: () => ({ url: '/api/tasks/mine' }) },
    { method: 'get', path: '/api/jits/{jitId}/tasks', expect: jitRoute(READERS(200)), permission: 'tasks.read', call: () => ({ url: jitUrl('/tasks') }) },
    {
      method: 'post',
      path: '/api/jits/{jitId}/tasks',
      expect: jitRoute({ otherLeader: 201, leadLeader: 201 }),
      permission: 'tasks.manage',
      call: (actor) => ({ url: jitUrl('/tasks'), body: { title: `Task of ${actor}` } }),
      invalid: () => ({ url: jitUrl('/tasks'), body: { title: 't', priority: 'whenever' } }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/tasks/{taskId}',
      expect: jitRoute(READERS(200)),
      permission: 'tasks.read',
      call: async () => ({ url: jitUrl(`/tasks/${await freshTask(null)}`) }),
    },
    {
      method: 'patch',
      path: '/api/jits/{jitId}/tasks/{taskId}',
      expect: jitRoute({ otherLeader: 200, leadLeader: 200 }),
      permission: 'tasks.manage',
      call: async () => {
        const id = await freshTask(null);
        const { updatedAt } = (await team.leadLeader.get(jitUrl(`/tasks/${id}`))).body as Task;
        return { url: jitUrl(`/tasks/${id}`), body: { title: 'Renamed', baseUpdatedAt: updatedAt } };
      },
      invalid: () => ({ url: jitUrl(`/tasks/${randomUUID()}`), body: { title: null } }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/tasks/{taskId}/move',
      // Every member may move a task assigned to them (each row's task is); the administrator is no member.
      expect: jitRoute(READERS(200)),
      permission: 'tasks.move',
      // Bad bodies are covered in tasks.int-spec.ts: who may send one depends on the task's assignee.
      call: async (actor) => ({ url: jitUrl(`/tasks/${await freshTask(actor)}/move`), body: { status: 'in_progress', position: 0 } }),
    },
    {
      method: 'patch',
      path: '/api/jits/{jitId}/tasks/{taskId}/checklist/{index}',
      // The move rule: every member may tick the checklist of a task assigned to them (each row's task is).
      expect: jitRoute(READERS(200)),
      permission: 'tasks.move',
      // Bad bodies are covered in tasks.int-spec.ts: who may send one depends on the task's assignee.
      call: async (actor) => ({ url: jitUrl(`/tasks/${await freshTask(actor)}/checklist/0`), body: { text: 'Matrix item', done: true } }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/comments',
      expect: jitRoute(READERS(200)),
      permission: 'comments.read',
      call: async () => ({ url: jitUrl(`/comments?subjectType=note&subjectId=${await freshNote()}`) }),
      invalid: () => ({ url: jitUrl('/comments?subjectType=meeting&subjectId=x') }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/comments',
      expect: jitRoute(READERS(201)),
      permission: 'comments.write',
      call: async () => ({ url: jitUrl('/comments'), body: { subjectType: 'note', subjectId: await freshNote(), body: 'A comment' } }),
      invalid: () => ({ url: jitUrl('/comments'), body: { subjectType: 'note', subjectId: 'x', body: '' } }),
    },
    {
      method: 'get',
      path: '/api/jits/{jitId}/links',
      expect: jitRoute(READERS(200)),
      permission: 'links.read',
      call: async () => ({ url: jitUrl(`/links?subjectType=note&subjectId=${await freshNote()}`) }),
      invalid: () => ({ url: jitUrl('/links?subjectType=meeting&subjectId=x') }),
    },
    {
      method: 'post',
      path: '/api/jits/{jitId}/links',
      expect: jitRoute(CONTRIBUTORS(201)),
      permission: 'links.write',
      call: async () => ({ url: jitUrl('/links'), body: { fromType: 'note', fromId: await freshNote(), toType: 'task', toId: await freshTask(null) } }),
      invalid: () => ({ url: jitUrl('/links'), body: { fromType: 'meeting', fromId: 'x', toType: 'task' } }),
    },
    {
      method: 'delete',
      path: '/api/jits/{jitId}/links/{linkId}',
      expect: jitRoute(CONTRIBUTORS(204)),
      permission: 'links.write',
      // A real link each time: a refused caller must be refused before it is looked up, and leave it in place.
      call: async () => ({ url: jitUrl(`/links/${await freshLink()}`) }),
    },
    // ---- notifications: a person's own, across their JITs ----
    { method: 'get', path: '/api/notifications', expect: signedIn(200), call: () => ({ url: '/api/notifications' }), invalid: () => ({ url: '/api/notifications?limit=0' }) },
    {
      method: 'post',
      path: '/api/notifications/read',
      expect: signedIn(204),
      call: () => ({ url: '/api/notifications/read', body: { all: true } }),
      invalid: () => ({ url: '/api/notifications/read', body: {} }),
    },
    { method: 'get', path: '/api/notifications/preferences', expect: signedIn(200), call: () => ({ url: '/api/notifications/preferences' }) },
    {
      method: 'patch',
      path: '/api/notifications/preferences',
      expect: signedIn(200),
      call: () => ({ url: '/api/notifications/preferences', body: { preferences: [{ kind: 'mentioned', channel: 'in_app', enabled: true }] } }),
      invalid: () => ({ url: '/api/notifications/preferences', body: { preferences: [{ kind: 'birthday', channel: 'in_app', enabled: true }] } }),
    },
  ];

  /** A task with one checklist item, made by the lead leader, assigned to the actor's membership when they have one. */
  const freshTask = async (actor: Actor | null): Promise<string> => {
    const membership = actor && actor in team.memberships ? team.memberships[actor as keyof Team['memberships']] : null;
    const response = await team.leadLeader.post(jitUrl('/tasks'), {
      title: 'Matrix task',
      assigneeMemberId: membership?.id ?? null,
      checklist: [{ text: 'Matrix item', done: false }],
    });
    if (response.status !== 201) throw new Error(`task creation failed: ${response.status}`);
    return (response.body as { id: string }).id;
  };

  /** A link between a fresh note and a fresh task, made by a member. */
  const freshLink = async (): Promise<string> => {
    const response = await team.member.post(jitUrl('/links'), { fromType: 'note', fromId: await freshNote(), toType: 'task', toId: await freshTask(null) });
    if (response.status !== 201) throw new Error(`link creation failed: ${response.status}`);
    return (response.body as { id: string }).id;
  };

  /** A note written by a member, to read, edit or restore. */
  const freshNote = async (): Promise<string> => {
    const response = await team.member.post(jitUrl('/notes'), { title: 'Matrix note', body: 'text' });
    if (response.status !== 201) throw new Error(`note creation failed: ${response.status}`);
    return (response.body as { id: string }).id;
  };

  const CASES = ROWS.flatMap((row) => ACTORS.map((actor) => ({ name: `${row.method.toUpperCase()} ${row.path}`, actor, row })));

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    clients = {
      admin: team.admin,
      outsider: team.outsider,
      observer: team.observer,
      member: team.member,
      legalAdviser: team.legalAdviser,
      otherLeader: team.otherLeader,
      leadLeader: team.leadLeader,
    };
    scratchUserId = await freshUserId();
    memberUpload = await tusOf('member').start({ length: 10, fileName: 'matrix.txt' });
    const described = await team.member.post(jitUrl('/evidence'), { ...describeItem(), uploadId: await completeUploadOf('member') });
    if (described.status !== 201) throw new Error(`describing the matrix item failed: ${described.status} ${JSON.stringify(described.body)}`);
    item = described.body as EvidenceItem;
  }, 30_000);
  afterAll(() => testApp.close());

  it.each(CASES)('$name as $actor', async ({ actor, row }) => {
    const expected = row.expect[actor];
    const succeeds = expected < 300;
    const call = await row.call(actor, succeeds);
    const client = call.client ?? clientOf(actor);
    const response = await send(client, row.method, call);
    if (succeeds) {
      expect({ status: response.status, body: response.body as unknown }).toEqual({ status: expected, body: expect.anything() });
      await row.undo?.(actor, client);
    } else {
      const code = expected === 403 ? 'forbidden' : expected === 409 ? row.conflict : CODE_BY_STATUS[expected];
      // A HEAD answer carries the status only.
      if (row.method === 'head') expect(response.status).toBe(expected);
      else expect(outcome(response)).toEqual({ status: expected, error: code, permission: expected === 403 ? row.permission : undefined });
      expectErrorShape(response);
    }

    if (!row.invalid) return;
    // An invalid request: 400 for whoever may use the route; any refusal still wins over validation.
    const invalid = await row.invalid(actor);
    const refused = await send(clientOf(actor), row.method, invalid);
    if (succeeds) {
      expect(outcome(refused)).toEqual({ status: 400, error: 'validation_failed', permission: undefined });
      expect((refused.body as ApiError).details?.length).toBeGreaterThan(0);
    } else {
      const code = expected === 403 ? 'forbidden' : expected === 409 ? row.conflict : CODE_BY_STATUS[expected];
      expect(outcome(refused)).toEqual({ status: expected, error: code, permission: expected === 403 ? row.permission : undefined });
    }
    expectErrorShape(refused);
  });

  /** CSRF is checked right after the session, before membership, permission and validation. */
  const CSRF_CASES = ROWS.filter((row) => MUTATING.has(row.method) && row.expect.anonymous === 401).flatMap((row) =>
    (ACTORS.filter((a) => a !== 'anonymous') as SignedInActor[]).flatMap((actor) =>
      (['missing', 'wrong'] as const).map((token) => ({ name: `${row.method.toUpperCase()} ${row.path}`, actor, token, row })),
    ),
  );

  it.each(CSRF_CASES)('$name as $actor with the CSRF token $token → 403 csrf_invalid', async ({ actor, token, row }) => {
    // A session of its own, and for JIT routes a JIT that does not exist: nothing can change even if the check were missing.
    const client = await freshSession(actor);
    const call = (await row.invalid?.(actor)) ?? (await row.call(actor, false));
    const url = call.url.replace(team.jit.id, randomUUID());
    if (token === 'wrong') client.csrf = randomBytes(32).toString('base64url');
    const response = await send(client, row.method, { ...call, url }, { csrf: token === 'wrong' });
    expect(outcome(response)).toEqual({ status: 403, error: 'csrf_invalid', permission: undefined });
    expectErrorShape(response);
  });

  it('gives a non-member the same 404 for an existing JIT and for one that does not exist', async () => {
    const missing = randomUUID();
    const pairs: Array<[Method, string, unknown]> = [
      ['get', '', undefined],
      ['patch', '', { title: 5 }],
      ['post', '/members', { userId: team.outsider.me?.id, partyId: party(team.jit, 'NL').id, role: 'leader' }],
      ['get', '/audit', undefined],
      ['get', '/evidence', undefined],
      ['get', `/evidence/${item.id}`, undefined],
      ['post', '/folders', { name: 'Outsider folder' }],
      ['post', '/evidence', { ...describeItem(), uploadId: memberUpload }],
    ];
    for (const [method, suffix, body] of pairs) {
      const existing = await send(team.outsider, method, { url: `/api/jits/${team.jit.id}${suffix}`, body });
      const absent = await send(team.outsider, method, { url: `/api/jits/${missing}${suffix}`, body });
      expect(existing.status).toBe(404);
      expect(existing.body).toEqual(absent.body);
      expect((existing.body as ApiError).error).toBe('not_found');
    }
    // The administrator sees every JIT's agreement data, but a JIT that does not exist is still 404.
    const adminMissing = await team.admin.get(`/api/jits/${missing}`);
    expect(outcome(adminMissing)).toEqual({ status: 404, error: 'not_found', permission: undefined });
    const notUuid = await team.outsider.get('/api/jits/not-a-uuid');
    expect(notUuid.body).toEqual((await team.outsider.get(`/api/jits/${missing}`)).body);
  });

  it('gives another member the same 404 for someone else’s upload as for one that does not exist', async () => {
    const tus = { 'Tus-Resumable': TUS_VERSION };
    const calls = (uploadId: string): Array<[Method, Call]> => [
      ['head', { url: jitUrl(`/uploads/${uploadId}`), headers: tus }],
      ['patch', { url: jitUrl(`/uploads/${uploadId}`), headers: { ...tus, 'Upload-Offset': '0', 'Content-Type': TUS_CONTENT_TYPE }, raw: Buffer.from('ten bytes!') }],
      ['delete', { url: jitUrl(`/uploads/${uploadId}`), headers: tus }],
      ['get', { url: jitUrl(`/uploads/${uploadId}/status`) }],
    ];
    const missing = randomUUID();
    for (const actor of ['legalAdviser', 'leadLeader', 'otherLeader'] as const) {
      for (const [[method, call], [, absentCall]] of calls(memberUpload).map((c, i) => [c, calls(missing)[i]] as const)) {
        const foreign = await send(clients[actor], method, call);
        const absent = await send(clients[actor], method, absentCall);
        expect([actor, method, foreign.status]).toEqual([actor, method, 404]);
        expect(foreign.body).toEqual(absent.body);
      }
    }
    // The member's upload is untouched and still theirs.
    const own = await send(team.member, 'head', { url: jitUrl(`/uploads/${memberUpload}`), headers: tus });
    expect([own.status, own.headers['upload-offset']]).toEqual([200, '0']);
  });

  describe('whose members a leader manages', () => {
    const add = (by: ApiClient, country: string | null, role: string, userId: string) =>
      by.post(`/api/jits/${team.jit.id}/members`, { userId, partyId: party(team.jit, country).id, role });

    it('lets the FR leader add to the FR party but not to the NL party', async () => {
      expect((await add(team.otherLeader, 'FR', 'member', await freshUserId())).status).toBe(201);
      const refused = await add(team.otherLeader, 'NL', 'member', await freshUserId());
      expect(outcome(refused)).toEqual({ status: 403, error: 'forbidden', permission: 'members.manage' });
      const participant = await add(team.otherLeader, null, 'observer', await freshUserId());
      expect(outcome(participant)).toEqual({ status: 403, error: 'forbidden', permission: 'members.manage' });
    });

    it('lets the administrator appoint a leader but not add a member', async () => {
      expect((await add(team.admin, 'FR', 'leader', await freshUserId())).status).toBe(201);
      for (const role of ['member', 'legal_adviser', 'observer']) {
        const refused = await add(team.admin, 'NL', role, await freshUserId());
        expect(outcome(refused)).toEqual({ status: 403, error: 'forbidden', permission: 'members.manage' });
      }
    });

    it('lets a leader of the lead party add to every party', async () => {
      for (const [country, role] of [
        ['NL', 'member'],
        ['FR', 'member'],
        ['FR', 'leader'],
        [null, 'observer'],
      ] as const) {
        expect((await add(team.leadLeader, country, role, await freshUserId())).status).toBe(201);
      }
    });

    it('lets the FR leader change and revoke FR memberships only', async () => {
      const nl = team.memberships.member.id;
      const patched = await team.otherLeader.patch(`/api/jits/${team.jit.id}/members/${nl}`, { role: 'observer' });
      expect(outcome(patched)).toEqual({ status: 403, error: 'forbidden', permission: 'members.manage' });
      const revoked = await team.otherLeader.delete(`/api/jits/${team.jit.id}/members/${nl}`);
      expect(outcome(revoked)).toEqual({ status: 403, error: 'forbidden', permission: 'members.manage' });
      const members = (await team.leadLeader.get(`/api/jits/${team.jit.id}/members`)).body as Member[];
      expect(members.find((m) => m.id === nl)).toMatchObject({ role: 'member', active: true });
    });

    it('does not let the administrator turn a leader into a member', async () => {
      const patched = await team.admin.patch(`/api/jits/${team.jit.id}/members/${team.memberships.otherLeader.id}`, { role: 'member' });
      expect(outcome(patched)).toEqual({ status: 403, error: 'forbidden', permission: 'members.manage' });
    });
  });

  /**
   * Every route that reads what members work on (evidence, versions, uploads, notes, tasks, comments,
   * links, record events, notifications) reads it through ReadAccessService, so a narrower read rule
   * reaches all of them. Routes that read no such row say why; a new read route must be placed in
   * one list or the other.
   */
  const READS_NO_SUBJECT: Record<string, string> = {
    'GET /api/health': 'no JIT',
    'GET /api/setup': 'no JIT',
    'GET /api/auth/me': "the caller's own account",
    'GET /api/auth/tokens': "the caller's own tokens",
    'GET /api/auth/factors': "the caller's own second factors",
    'GET /api/auth/sessions': "the caller's own sessions",
    'GET /api/platform/settings': 'platform settings, for the administrator',
    'GET /api/users': 'accounts, for the administrator',
    'GET /api/jits': 'the agreements the caller belongs to, decided by membership',
    'GET /api/jits/{jitId}': 'the agreement itself, decided by membership',
    'GET /api/jits/{jitId}/members': 'the team roster, decided by membership',
    'GET /api/jits/{jitId}/user-lookup': 'accounts, for leaders',
    'GET /api/jits/{jitId}/audit/verify': 'recomputes hashes; returns no event',
    'GET /api/audit': 'the platform chain, for the administrator',
    'GET /api/audit/verify': 'recomputes hashes; returns no event',
    'GET /api/jits/{jitId}/folders': 'folder names, shared by the whole team',
    'GET /api/notifications/preferences': "the caller's own settings",
  };
  const READERS_FIRST: SignedInActor[] = ['otherLeader', 'member', 'observer', 'legalAdviser', 'leadLeader', 'admin'];
  const READ_ROWS = ROWS.filter((row) => (row.method === 'get' || row.method === 'head') && !(`${row.method.toUpperCase()} ${row.path}` in READS_NO_SUBJECT));

  it.each(READ_ROWS.map((row) => ({ name: `${row.method.toUpperCase()} ${row.path}`, row })))('$name reads through ReadAccessService', async ({ row }) => {
    // The FR leader, where they may: they hold notifications (evidence from another party) and read every kind of row.
    const actor = READERS_FIRST.find((a) => row.expect[a] < 300);
    if (!actor) throw new Error(`no signed-in actor may use ${row.path}; move it to READS_NO_SUBJECT with a reason`);
    const readAccess = testApp.app.get(ReadAccessService);
    const scope = jest.spyOn(readAccess, 'scope');
    try {
      const call = await row.call(actor, true);
      const response = await send(call.client ?? clientOf(actor), row.method, call);
      expect([actor, response.status]).toEqual([actor, row.expect[actor]]);
      expect(scope).toHaveBeenCalled();
      await row.undo?.(actor, call.client ?? clientOf(actor));
    } finally {
      scope.mockRestore();
    }
  });

  it('names a reason for every read route that reads no subject, and each is a real route', () => {
    const reads = new Set(ROWS.filter((row) => row.method === 'get' || row.method === 'head').map((row) => `${row.method.toUpperCase()} ${row.path}`));
    expect(Object.keys(READS_NO_SUBJECT).filter((route) => !reads.has(route))).toEqual([]);
    expect(READ_ROWS.length).toBeGreaterThan(10);
  });

  it('has a row for every route of the OpenAPI document', async () => {
    const response = await new ApiClient(testApp).get('/api/openapi.json');
    expect(response.status).toBe(200);
    const paths = (response.body as { paths: Record<string, Record<string, unknown>> }).paths;
    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => DOCUMENTED_METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const inMatrix = new Set(ROWS.map((row) => `${row.method.toUpperCase()} ${row.path}`));
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((route) => !inMatrix.has(route))).toEqual([]);
    // And no stale rows: every row names a documented route.
    expect([...inMatrix].filter((route) => !documented.includes(route))).toEqual([]);
  });
});
