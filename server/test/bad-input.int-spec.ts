import type { Response } from 'supertest';
import { LIMITS, NOTIFICATION_LIMITS, type ApiError, type FieldErrorCode, type Jit, type Note, type NotificationPage, type Task } from '@jit/shared';
import { ApiClient, buildTeam, createJit, createUser, headSeq, jitRequest, setUpAdmin, startTestApp, USER_PASSWORD, type Team, type TestApp } from './harness';

/**
 * Every mutating route refuses bad input with 400 `validation_failed`, names the field and the
 * reason in `details`, and writes nothing: no record event, no row.
 */

type Method = 'post' | 'patch';
type Body = Record<string, unknown> | string;
/** [case name, body (a string is sent raw as application/json), offending field, code] */
type Case = [string, () => Body, string, FieldErrorCode];

const NOT_JSON = '{"title": "unterminated';
const long = (max: number) => 'x'.repeat(max + 1);

function sendRaw(client: ApiClient, method: Method, url: string, body: Body): Promise<Response> {
  if (typeof body !== 'string') return client.send(method, url, body);
  let request = client.agent[method](url).set('User-Agent', 'jest-integration').set('Content-Type', 'application/json');
  if (client.csrf) request = request.set('X-XSRF-TOKEN', client.csrf);
  return request.send(body);
}

function expectInvalid(response: Response, field: string | null, code: FieldErrorCode | null): void {
  const body = response.body as ApiError;
  expect({ status: response.status, error: body.error, statusCode: body.statusCode }).toEqual({ status: 400, error: 'validation_failed', statusCode: 400 });
  expect(typeof body.message).toBe('string');
  expect(Object.keys(body).every((key) => ['statusCode', 'error', 'message', 'details'].includes(key))).toBe(true);
  if (field !== null) expect(body.details).toContainEqual({ field, code });
}

async function count(testApp: TestApp, table: string): Promise<number> {
  const rows: Array<{ n: number | string }> = await testApp.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0].n);
}

/** What a refused request must leave as it was. */
async function snapshot(testApp: TestApp, chains: string[]) {
  return {
    heads: await Promise.all(chains.map((chain) => headSeq(testApp, chain))),
    events: await count(testApp, 'audit_events'),
    users: await count(testApp, 'users'),
    jits: await count(testApp, 'jits'),
    parties: await count(testApp, 'parties'),
    extensions: await count(testApp, 'jit_extensions'),
    memberships: await count(testApp, 'memberships'),
    sessions: await count(testApp, 'sessions'),
    links: await count(testApp, 'links'),
    unreadNotifications: Number((await testApp.dataSource.query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM notifications WHERE readAt IS NULL'))[0].n),
    notificationPreferences: await testApp.dataSource.query<unknown[]>('SELECT userId, kind, channel, enabled FROM notification_preferences ORDER BY userId, kind, channel'),
  };
}

const NON_JSON: Case = ['a body that is not JSON', () => NOT_JSON, '', 'invalid_value'];

describe('bad input on setup', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  const valid = () => ({ setupToken: testApp.setupToken, email: 'admin@platform.test', password: 'admin password of the test', displayName: 'Platform Admin' });
  const CASES: Array<[string, (token: string) => Body, string, FieldErrorCode]> = [
    ['missing email', (t) => ({ setupToken: t, password: 'admin password of the test', displayName: 'Admin' }), 'email', 'required'],
    ['missing display name', (t) => ({ setupToken: t, email: 'admin@platform.test', password: 'admin password of the test' }), 'displayName', 'required'],
    ['a password of the wrong type', (t) => ({ setupToken: t, email: 'admin@platform.test', password: 123456789012345, displayName: 'Admin' }), 'password', 'invalid_type'],
    [
      'an unknown field',
      (t) => ({ setupToken: t, email: 'admin@platform.test', password: 'admin password of the test', displayName: 'Admin', isPlatformAdmin: true }),
      'isPlatformAdmin',
      'unknown_field',
    ],
    ['an invalid email', (t) => ({ setupToken: t, email: 'not-an-email', password: 'admin password of the test', displayName: 'Admin' }), 'email', 'invalid_email'],
    ['a short password', (t) => ({ setupToken: t, email: 'admin@platform.test', password: 'short', displayName: 'Admin' }), 'password', 'too_short'],
    ['an oversized password', (t) => ({ setupToken: t, email: 'admin@platform.test', password: long(LIMITS.passwordMax), displayName: 'Admin' }), 'password', 'too_long'],
    [
      'an oversized display name',
      (t) => ({ setupToken: t, email: 'admin@platform.test', password: 'admin password of the test', displayName: long(LIMITS.displayNameMax) }),
      'displayName',
      'too_long',
    ],
    ['a blank display name', (t) => ({ setupToken: t, email: 'admin@platform.test', password: 'admin password of the test', displayName: '   ' }), 'displayName', 'required'],
  ];

  it.each(CASES)('refuses %s', async (_, body, field, code) => {
    const before = await snapshot(testApp, ['platform']);
    expectInvalid(await new ApiClient(testApp).post('/api/setup', body(testApp.setupToken)), field, code);
    expect(await snapshot(testApp, ['platform'])).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const before = await snapshot(testApp, ['platform']);
    expectInvalid(await sendRaw(new ApiClient(testApp), 'post', '/api/setup', NOT_JSON), null, null);
    expect(await snapshot(testApp, ['platform'])).toEqual(before);
  });

  it('still accepts the valid setup afterwards (the token was right all along)', async () => {
    expect((await new ApiClient(testApp).get('/api/setup')).body).toEqual({ needsSetup: true });
    expect((await new ApiClient(testApp).post('/api/setup', valid())).status).toBe(201);
  });
});

describe('bad input on the other mutating routes', () => {
  let testApp: TestApp;
  let team: Team;
  let user: ApiClient;
  /** A draft JIT for the agreement routes, so a wrongly accepted change does not disturb the team's. */
  let draft: Jit;
  /** What the link cases name: a note and a task of the team's JIT. */
  let note: Note;
  let task: Task;

  beforeAll(async () => {
    testApp = await startTestApp();
    const admin = await setUpAdmin(testApp);
    team = await buildTeam(testApp, admin);
    user = await createUser(admin);
    draft = await createJit(admin);
    note = (await team.member.post(`/api/jits/${team.jit.id}/notes`, { title: 'Plan', body: 'text' })).body as Note;
    // Assigned to the member: an unread notification of theirs that a wrongly accepted "mark read" would change.
    task = (
      await team.leadLeader.post(`/api/jits/${team.jit.id}/tasks`, {
        title: 'Interview W',
        assigneeMemberId: team.memberships.member.id,
        checklist: [{ text: 'Call W', done: false }],
      })
    ).body as Task;
    // A preference of theirs that a wrongly accepted change would overwrite.
    await team.member.patch('/api/notifications/preferences', { preferences: [{ kind: 'mentioned', channel: 'in_app', enabled: false }] });
    const unread = (await team.member.get('/api/notifications')).body as NotificationPage;
    if (unread.unreadCount !== 1) throw new Error(`the member should have one unread notification, not ${unread.unreadCount}`);
  });
  afterAll(() => testApp.close());

  const user0 = {
    email: 'new.person@agency.test',
    displayName: 'New Person',
    organisation: 'Agency',
    country: 'NL',
    language: 'en',
    timeZone: 'Europe/Amsterdam',
    initialPassword: 'initial password 123',
  };
  const without = <T extends Record<string, unknown>>(body: T, key: keyof T): Record<string, unknown> => {
    const copy: Record<string, unknown> = { ...body };
    delete copy[key as string];
    return copy;
  };
  const jit0 = (): Record<string, unknown> => ({ ...jitRequest({ reference: 'JIT-BAD-INPUT' }) });
  const party = (index: number, patch: Record<string, unknown>) => {
    const parties = (jit0().parties as Array<Record<string, unknown>>).map((p) => ({ ...p }));
    parties[index] = { ...parties[index], ...patch };
    return { ...jit0(), parties };
  };
  const partyId = (country: string) => team.jit.parties.find((p) => p.country === country)?.id ?? '';
  const member0 = () => ({ userId: user.me?.id ?? '', partyId: partyId('NL'), role: 'member' });
  const link0 = () => ({ fromType: 'task', fromId: task.id, toType: 'note', toId: note.id });
  const preference0 = { kind: 'mentioned', channel: 'in_app', enabled: true };

  interface Route {
    name: string;
    method: Method;
    url: () => string;
    client: () => ApiClient;
    chains: () => string[];
    cases: Case[];
  }

  const ROUTES: Route[] = [
    {
      name: 'POST /api/auth/login',
      method: 'post',
      url: () => '/api/auth/login',
      client: () => new ApiClient(testApp),
      chains: () => ['platform'],
      cases: [
        ['missing password', () => ({ email: user.me?.email }), 'password', 'required'],
        ['missing email', () => ({ password: USER_PASSWORD }), 'email', 'required'],
        ['an email of the wrong type', () => ({ email: 42, password: USER_PASSWORD }), 'email', 'invalid_type'],
        ['an unknown field', () => ({ email: user.me?.email, password: USER_PASSWORD, rememberMe: true }), 'rememberMe', 'unknown_field'],
        ['an oversized email', () => ({ email: `${long(LIMITS.emailMax)}@agency.test`, password: USER_PASSWORD }), 'email', 'too_long'],
        ['an oversized password', () => ({ email: user.me?.email, password: long(LIMITS.passwordMax) }), 'password', 'too_long'],
      ],
    },
    {
      name: 'POST /api/auth/password',
      method: 'post',
      url: () => '/api/auth/password',
      client: () => user,
      chains: () => ['platform'],
      cases: [
        ['missing new password', () => ({ currentPassword: USER_PASSWORD }), 'newPassword', 'required'],
        ['missing current password', () => ({ newPassword: 'another long password' }), 'currentPassword', 'required'],
        ['a current password of the wrong type', () => ({ currentPassword: 12345, newPassword: 'another long password' }), 'currentPassword', 'invalid_type'],
        ['a short new password', () => ({ currentPassword: USER_PASSWORD, newPassword: 'short' }), 'newPassword', 'too_short'],
        ['an oversized new password', () => ({ currentPassword: USER_PASSWORD, newPassword: long(LIMITS.passwordMax) }), 'newPassword', 'too_long'],
        ['an unknown field', () => ({ currentPassword: USER_PASSWORD, newPassword: 'another long password', userId: team.admin.me?.id }), 'userId', 'unknown_field'],
      ],
    },
    {
      name: 'PATCH /api/auth/me',
      method: 'patch',
      url: () => '/api/auth/me',
      client: () => user,
      chains: () => ['platform'],
      cases: [
        ['a display name of the wrong type', () => ({ displayName: 42 }), 'displayName', 'invalid_type'],
        ['an oversized display name', () => ({ displayName: long(LIMITS.displayNameMax) }), 'displayName', 'too_long'],
        ['a blank display name', () => ({ displayName: '  ' }), 'displayName', 'required'],
        ['a bad language', () => ({ language: 'de' }), 'language', 'invalid_language'],
        ['a bad time zone', () => ({ timeZone: 'Europe/Atlantis' }), 'timeZone', 'invalid_time_zone'],
        ['an unknown field', () => ({ email: 'other@agency.test' }), 'email', 'unknown_field'],
        ['a field only the administrator sets', () => ({ isPlatformAdmin: true }), 'isPlatformAdmin', 'unknown_field'],
        ['a null display name', () => ({ displayName: null }), 'displayName', 'required'],
        ['a null language', () => ({ language: null }), 'language', 'required'],
        ['a null time zone', () => ({ timeZone: null }), 'timeZone', 'required'],
      ],
    },
    {
      name: 'POST /api/users',
      method: 'post',
      url: () => '/api/users',
      client: () => team.admin,
      chains: () => ['platform'],
      cases: [
        ['missing email', () => without(user0, 'email'), 'email', 'required'],
        ['missing initial password', () => without(user0, 'initialPassword'), 'initialPassword', 'required'],
        ['missing time zone', () => without(user0, 'timeZone'), 'timeZone', 'required'],
        ['a display name of the wrong type', () => ({ ...user0, displayName: ['New', 'Person'] }), 'displayName', 'invalid_type'],
        ['an unknown field', () => ({ ...user0, isPlatformAdmin: true }), 'isPlatformAdmin', 'unknown_field'],
        ['an invalid email', () => ({ ...user0, email: 'new.person@' }), 'email', 'invalid_email'],
        ['an oversized display name', () => ({ ...user0, displayName: long(LIMITS.displayNameMax) }), 'displayName', 'too_long'],
        ['an oversized organisation', () => ({ ...user0, organisation: long(LIMITS.organisationMax) }), 'organisation', 'too_long'],
        ['a short initial password', () => ({ ...user0, initialPassword: 'short' }), 'initialPassword', 'too_short'],
        ['a bad country', () => ({ ...user0, country: 'XX' }), 'country', 'invalid_country'],
        ['a lower-case country', () => ({ ...user0, country: 'nl' }), 'country', 'invalid_country'],
        ['a bad language', () => ({ ...user0, language: 'nl' }), 'language', 'invalid_language'],
        ['a bad time zone', () => ({ ...user0, timeZone: 'CET+25' }), 'timeZone', 'invalid_time_zone'],
      ],
    },
    {
      name: 'PATCH /api/users/:userId',
      method: 'patch',
      url: () => `/api/users/${user.me?.id}`,
      client: () => team.admin,
      chains: () => ['platform'],
      cases: [
        ['a flag of the wrong type', () => ({ disabled: 'yes' }), 'disabled', 'invalid_type'],
        ['an organisation of the wrong type', () => ({ organisation: 7 }), 'organisation', 'invalid_type'],
        ['an unknown field', () => ({ email: 'changed@agency.test' }), 'email', 'unknown_field'],
        ['a field that is not for editing', () => ({ isPlatformAdmin: true }), 'isPlatformAdmin', 'unknown_field'],
        ['an oversized display name', () => ({ displayName: long(LIMITS.displayNameMax) }), 'displayName', 'too_long'],
        ['an oversized organisation', () => ({ organisation: long(LIMITS.organisationMax) }), 'organisation', 'too_long'],
        ['a bad country', () => ({ country: 'XX' }), 'country', 'invalid_country'],
        ['a null display name', () => ({ displayName: null }), 'displayName', 'required'],
        ['a null country', () => ({ country: null }), 'country', 'required'],
        ['a null flag', () => ({ disabled: null }), 'disabled', 'required'],
      ],
    },
    {
      name: 'POST /api/jits',
      method: 'post',
      url: () => '/api/jits',
      client: () => team.admin,
      chains: () => ['platform'],
      cases: [
        ['missing title', () => without(jit0(), 'title'), 'title', 'required'],
        ['missing parties', () => without(jit0(), 'parties'), 'parties', 'required'],
        ['missing end date', () => without(jit0(), 'endDate'), 'endDate', 'required'],
        ['a title of the wrong type', () => ({ ...jit0(), title: 42 }), 'title', 'invalid_type'],
        ['states of operation of the wrong type', () => ({ ...jit0(), statesOfOperation: 'NL' }), 'statesOfOperation', 'invalid_type'],
        ['parties of the wrong type', () => ({ ...jit0(), parties: 'NL and FR' }), 'parties', 'invalid_type'],
        ['an unknown field', () => ({ ...jit0(), status: 'active' }), 'status', 'unknown_field'],
        ['an unknown field in a party', () => party(0, { isLead: true }), 'parties.0.isLead', 'unknown_field'],
        ['an oversized reference', () => ({ ...jit0(), reference: long(LIMITS.referenceMax) }), 'reference', 'too_long'],
        ['an oversized title', () => ({ ...jit0(), title: long(LIMITS.titleMax) }), 'title', 'too_long'],
        ['an oversized purpose', () => ({ ...jit0(), purpose: long(LIMITS.purposeMax) }), 'purpose', 'too_long'],
        ['an oversized legal basis', () => ({ ...jit0(), legalBasis: long(LIMITS.legalBasisMax) }), 'legalBasis', 'too_long'],
        ['an oversized party authority', () => party(1, { authority: long(LIMITS.authorityMax) }), 'parties.1.authority', 'too_long'],
        ['a blank party name', () => party(1, { name: ' ' }), 'parties.1.name', 'required'],
        ['an impossible start date', () => ({ ...jit0(), startDate: '2026-02-30' }), 'startDate', 'invalid_date'],
        ['a start date in words', () => ({ ...jit0(), startDate: 'tomorrow' }), 'startDate', 'invalid_date'],
        ['an instant instead of a date', () => ({ ...jit0(), endDate: '2030-12-31T00:00:00Z' }), 'endDate', 'invalid_date'],
        ['an end before the start', () => ({ ...jit0(), startDate: '2027-01-01', endDate: '2026-12-31' }), 'endDate', 'end_before_start'],
        ['a bad state of operation', () => ({ ...jit0(), statesOfOperation: ['NL', 'XX'] }), 'statesOfOperation', 'invalid_country'],
        ['a repeated state of operation', () => ({ ...jit0(), statesOfOperation: ['NL', 'NL'] }), 'statesOfOperation', 'not_unique'],
        ['no state of operation', () => ({ ...jit0(), statesOfOperation: [] }), 'statesOfOperation', 'too_few'],
        ['a bad party country', () => party(0, { country: 'XX' }), 'parties.0.country', 'invalid_country'],
        ['a bad party kind', () => party(0, { kind: 'state' }), 'parties.0.kind', 'invalid_value'],
        ['a party without a country', () => party(1, { country: undefined }), 'parties.1.country', 'required'],
        ['two parties of one state', () => party(1, { country: 'NL' }), 'parties.1.country', 'not_unique'],
        ['a single party', () => ({ ...jit0(), parties: [(jit0().parties as unknown[])[0]] }), 'parties', 'too_few'],
        ['a bad lead country', () => ({ ...jit0(), leadPartyCountry: 'XX' }), 'leadPartyCountry', 'invalid_country'],
        ['a lead that is not a party', () => ({ ...jit0(), leadPartyCountry: 'DE' }), 'leadPartyCountry', 'invalid_value'],
        ['a bad working language', () => ({ ...jit0(), workingLanguage: 'xx' }), 'workingLanguage', 'invalid_language'],
      ],
    },
    {
      name: 'PATCH /api/jits/:jitId',
      method: 'patch',
      url: () => `/api/jits/${draft.id}`,
      client: () => team.admin,
      chains: () => [`jit:${draft.id}`, 'platform'],
      cases: [
        ['a title of the wrong type', () => ({ title: 42 }), 'title', 'invalid_type'],
        ['an unknown field', () => ({ status: 'closed' }), 'status', 'unknown_field'],
        ['a field fixed at creation', () => ({ reference: 'JIT-OTHER' }), 'reference', 'unknown_field'],
        ['an oversized title', () => ({ title: long(LIMITS.titleMax) }), 'title', 'too_long'],
        ['an oversized purpose', () => ({ purpose: long(LIMITS.purposeMax) }), 'purpose', 'too_long'],
        ['a blank legal basis', () => ({ legalBasis: '' }), 'legalBasis', 'required'],
        ['a bad working language', () => ({ workingLanguage: 'klingon' }), 'workingLanguage', 'invalid_language'],
        ['a bad state of operation', () => ({ statesOfOperation: ['XX'] }), 'statesOfOperation', 'invalid_country'],
        ['no state of operation', () => ({ statesOfOperation: [] }), 'statesOfOperation', 'too_few'],
        ['an impossible start date', () => ({ startDate: '2026-02-30' }), 'startDate', 'invalid_date'],
        ['a start date in words', () => ({ startDate: 'tomorrow' }), 'startDate', 'invalid_date'],
        ['an end before the start', () => ({ startDate: '2027-01-01', endDate: '2026-06-01' }), 'endDate', 'end_before_start'],
        ['a start after the current end', () => ({ startDate: '2031-01-01' }), 'startDate', 'end_before_start'],
        ['a null title', () => ({ title: null }), 'title', 'required'],
        ['a null start date', () => ({ startDate: null }), 'startDate', 'required'],
        ['null states of operation', () => ({ statesOfOperation: null }), 'statesOfOperation', 'required'],
      ],
    },
    {
      name: 'POST /api/jits/:jitId/extensions',
      method: 'post',
      url: () => `/api/jits/${draft.id}/extensions`,
      client: () => team.admin,
      chains: () => [`jit:${draft.id}`, 'platform'],
      cases: [
        ['missing new end date', () => ({ agreedOn: '2026-03-01' }), 'newEndDate', 'required'],
        ['missing agreement date', () => ({ newEndDate: '2031-06-30' }), 'agreedOn', 'required'],
        ['a note of the wrong type', () => ({ newEndDate: '2031-06-30', agreedOn: '2026-03-01', note: 12 }), 'note', 'invalid_type'],
        ['an unknown field', () => ({ newEndDate: '2031-06-30', agreedOn: '2026-03-01', previousEndDate: '2020-01-01' }), 'previousEndDate', 'unknown_field'],
        ['an oversized note', () => ({ newEndDate: '2031-06-30', agreedOn: '2026-03-01', note: long(LIMITS.extensionNoteMax) }), 'note', 'too_long'],
        ['an impossible new end date', () => ({ newEndDate: '2031-02-30', agreedOn: '2026-03-01' }), 'newEndDate', 'invalid_date'],
        ['a new end date in words', () => ({ newEndDate: 'tomorrow', agreedOn: '2026-03-01' }), 'newEndDate', 'invalid_date'],
        ['an impossible agreement date', () => ({ newEndDate: '2031-06-30', agreedOn: '2026-02-30' }), 'agreedOn', 'invalid_date'],
        ['a new end before the current end', () => ({ newEndDate: '2029-12-31', agreedOn: '2026-03-01' }), 'newEndDate', 'out_of_range'],
        ['a new end on the current end', () => ({ newEndDate: '2030-12-31', agreedOn: '2026-03-01' }), 'newEndDate', 'out_of_range'],
      ],
    },
    {
      name: 'POST /api/jits/:jitId/members',
      method: 'post',
      url: () => `/api/jits/${team.jit.id}/members`,
      client: () => team.leadLeader,
      chains: () => [`jit:${team.jit.id}`, 'platform'],
      cases: [
        ['missing user', () => without(member0(), 'userId'), 'userId', 'required'],
        ['missing party', () => without(member0(), 'partyId'), 'partyId', 'required'],
        ['missing role', () => without(member0(), 'role'), 'role', 'required'],
        ['a user id of the wrong type', () => ({ ...member0(), userId: 42 }), 'userId', 'invalid_value'],
        ['a user id that is not a UUID', () => ({ ...member0(), userId: 'anna' }), 'userId', 'invalid_value'],
        ['an unknown field', () => ({ ...member0(), addedBy: team.admin.me?.id }), 'addedBy', 'unknown_field'],
        ['a bad role', () => ({ ...member0(), role: 'boss' }), 'role', 'invalid_value'],
        ['an impossible expiry', () => ({ ...member0(), accessExpiresAt: '2031-02-30T10:00:00.000Z' }), 'accessExpiresAt', 'invalid_date'],
        ['an expiry in words', () => ({ ...member0(), accessExpiresAt: 'tomorrow' }), 'accessExpiresAt', 'invalid_date'],
        ['an expiry in the past', () => ({ ...member0(), accessExpiresAt: '2020-01-01T00:00:00.000Z' }), 'accessExpiresAt', 'out_of_range'],
        ['a party of another JIT', () => ({ ...member0(), partyId: draft.parties[0].id }), 'partyId', 'invalid_value'],
        ['an account that does not exist', () => ({ ...member0(), userId: '00000000-0000-4000-8000-000000000000' }), 'userId', 'invalid_value'],
      ],
    },
    {
      name: 'PATCH /api/jits/:jitId/members/:memberId',
      method: 'patch',
      url: () => `/api/jits/${team.jit.id}/members/${team.memberships.member.id}`,
      client: () => team.leadLeader,
      chains: () => [`jit:${team.jit.id}`, 'platform'],
      cases: [
        ['a bad role', () => ({ role: 'boss' }), 'role', 'invalid_value'],
        ['a role of the wrong type', () => ({ role: ['leader'] }), 'role', 'invalid_value'],
        ['an unknown field', () => ({ partyId: partyId('FR') }), 'partyId', 'unknown_field'],
        ['an impossible expiry', () => ({ accessExpiresAt: '2031-13-01T00:00:00.000Z' }), 'accessExpiresAt', 'invalid_date'],
        ['an expiry in words', () => ({ accessExpiresAt: 'next week' }), 'accessExpiresAt', 'invalid_date'],
        ['an expiry in the past', () => ({ accessExpiresAt: '2020-01-01T00:00:00.000Z' }), 'accessExpiresAt', 'out_of_range'],
      ],
    },
    {
      name: 'POST /api/jits/:jitId/links',
      method: 'post',
      url: () => `/api/jits/${team.jit.id}/links`,
      client: () => team.member,
      chains: () => [`jit:${team.jit.id}`],
      cases: [
        ['missing from type', () => without(link0(), 'fromType'), 'fromType', 'required'],
        ['missing from id', () => without(link0(), 'fromId'), 'fromId', 'required'],
        ['missing to type', () => without(link0(), 'toType'), 'toType', 'required'],
        ['missing to id', () => without(link0(), 'toId'), 'toId', 'required'],
        ['a type of the wrong type', () => ({ ...link0(), fromType: 1 }), 'fromType', 'invalid_value'],
        ['a type that is not a work subject', () => ({ ...link0(), toType: 'meeting' }), 'toType', 'invalid_value'],
        ['an id that is not a UUID', () => ({ ...link0(), toId: 'plan' }), 'toId', 'invalid_value'],
        ['an id of the wrong type', () => ({ ...link0(), fromId: 12 }), 'fromId', 'invalid_value'],
        ['an unknown field', () => ({ ...link0(), createdBy: team.admin.me?.id }), 'createdBy', 'unknown_field'],
        ['a link of a subject to itself', () => ({ ...link0(), toType: 'task', toId: task.id }), 'toId', 'invalid_value'],
        ['a subject that does not exist', () => ({ ...link0(), fromId: '00000000-0000-4000-8000-000000000000' }), 'fromId', 'invalid_value'],
        ['a subject of another type', () => ({ ...link0(), toType: 'evidence' }), 'toId', 'invalid_value'],
      ],
    },
    {
      // The assignee, who may tick: validation is reached only past the move rule.
      name: 'PATCH /api/jits/:jitId/tasks/:taskId/checklist/:index',
      method: 'patch',
      url: () => `/api/jits/${team.jit.id}/tasks/${task.id}/checklist/0`,
      client: () => team.member,
      chains: () => [`jit:${team.jit.id}`],
      cases: [
        ['missing text', () => ({ done: true }), 'text', 'required'],
        ['missing done', () => ({ text: 'Call W' }), 'done', 'required'],
        ['a blank text', () => ({ text: '  ', done: true }), 'text', 'required'],
        ['a text of the wrong type', () => ({ text: 7, done: true }), 'text', 'invalid_type'],
        ['done of the wrong type', () => ({ text: 'Call W', done: 'yes' }), 'done', 'invalid_type'],
        ['an unknown field', () => ({ text: 'Call W', done: true, checklist: [] }), 'checklist', 'unknown_field'],
      ],
    },
    {
      name: 'PATCH /api/jits/:jitId/tasks/:taskId',
      method: 'patch',
      url: () => `/api/jits/${team.jit.id}/tasks/${task.id}`,
      client: () => team.leadLeader,
      chains: () => [`jit:${team.jit.id}`],
      cases: [
        ['missing baseUpdatedAt', () => ({ title: 'Interview W again' }), 'baseUpdatedAt', 'required'],
        ['a baseUpdatedAt of the wrong type', () => ({ title: 'Interview W again', baseUpdatedAt: Date.parse(task.updatedAt) }), 'baseUpdatedAt', 'invalid_type'],
        ['a baseUpdatedAt in words', () => ({ title: 'Interview W again', baseUpdatedAt: 'this morning' }), 'baseUpdatedAt', 'invalid_date'],
        ['a field edits do not set', () => ({ status: 'done', baseUpdatedAt: task.updatedAt }), 'status', 'unknown_field'],
      ],
    },
    {
      name: 'POST /api/notifications/read',
      method: 'post',
      url: () => '/api/notifications/read',
      client: () => team.member,
      chains: () => [`jit:${team.jit.id}`],
      cases: [
        ['nothing named', () => ({}), 'ids', 'required'],
        ['all set to false', () => ({ all: false }), 'ids', 'required'],
        ['no ids', () => ({ ids: [] }), 'ids', 'too_few'],
        ['ids of the wrong type', () => ({ ids: '00000000-0000-4000-8000-000000000000' }), 'ids', 'invalid_type'],
        ['an id that is not a UUID', () => ({ ids: ['first'] }), 'ids', 'invalid_value'],
        [
          'too many ids',
          () => ({ ids: Array.from({ length: NOTIFICATION_LIMITS.markReadMax + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) }),
          'ids',
          'too_many',
        ],
        ['all of the wrong type', () => ({ all: 'yes' }), 'all', 'invalid_type'],
        ['an unknown field', () => ({ all: true, userId: team.admin.me?.id }), 'userId', 'unknown_field'],
      ],
    },
    {
      name: 'PATCH /api/notifications/preferences',
      method: 'patch',
      url: () => '/api/notifications/preferences',
      client: () => team.member,
      chains: () => [`jit:${team.jit.id}`],
      cases: [
        ['missing preferences', () => ({}), 'preferences', 'required'],
        ['preferences of the wrong type', () => ({ preferences: 'all on' }), 'preferences', 'invalid_type'],
        ['no preferences', () => ({ preferences: [] }), 'preferences', 'too_few'],
        ['an unknown kind', () => ({ preferences: [{ ...preference0, kind: 'birthday' }] }), 'preferences.0.kind', 'invalid_value'],
        ['an unknown channel', () => ({ preferences: [{ ...preference0, channel: 'email' }] }), 'preferences.0.channel', 'invalid_value'],
        ['a flag of the wrong type', () => ({ preferences: [{ ...preference0, enabled: 'on' }] }), 'preferences.0.enabled', 'invalid_type'],
        ['a missing flag', () => ({ preferences: [without(preference0, 'enabled')] }), 'preferences.0.enabled', 'required'],
        ['an unknown field in an entry', () => ({ preferences: [{ ...preference0, sound: 'loud' }] }), 'preferences.0.sound', 'unknown_field'],
        ['the same kind and channel twice', () => ({ preferences: [preference0, { ...preference0, enabled: false }] }), 'preferences.1', 'not_unique'],
        ['an unknown field', () => ({ preferences: [preference0], userId: team.admin.me?.id }), 'userId', 'unknown_field'],
      ],
    },
  ];

  const CASES = ROUTES.flatMap((route) => [...route.cases, NON_JSON].map((c) => ({ route, name: route.name, what: c[0], body: c[1], field: c[2], code: c[3] })));

  it.each(CASES)('$name refuses $what and writes nothing', async ({ route, body, field, code }) => {
    const chains = route.chains();
    const before = await snapshot(testApp, chains);
    const jitBefore = (await team.admin.get(`/api/jits/${draft.id}`)).body as Jit;
    const sent = body();
    const response = await sendRaw(route.client(), route.method, route.url(), sent);
    if (typeof sent === 'string') expectInvalid(response, null, null);
    else expectInvalid(response, field, code);
    expect(await snapshot(testApp, chains)).toEqual(before);
    expect((await team.admin.get(`/api/jits/${draft.id}`)).body).toEqual(jitBefore);
  });
});
