import { jitChain, type AuditPage, type Jit, type Member, type ApiError } from '@jit/shared';
import { JitEntity } from '../src/jits/jit.entity';
import { addMember, buildTeam, createUser, headSeq, startTestApp, type Team, type TestApp } from './harness';

describe('JIT lifecycle and membership', () => {
  let testApp: TestApp;
  let team: Team;
  let url: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    url = `/api/jits/${team.jit.id}`;
  });
  afterAll(() => testApp.close());

  it('lists for each person only the JITs they belong to, and every agreement for the administrator', async () => {
    const other = (await team.admin.post('/api/jits', { ...team.jit, id: undefined })).status;
    expect(other).toBe(400); // the create request does not take a JIT as it is returned
    const mine = (await team.member.get('/api/jits')).body as Jit[];
    expect(mine.map((j) => j.id)).toEqual([team.jit.id]);
    expect(mine[0].myMembership).toMatchObject({ role: 'member', isLeadParty: true });
    expect((await team.outsider.get('/api/jits')).body).toEqual([]);
    const all = (await team.admin.get('/api/jits')).body as Jit[];
    expect(all.map((j) => j.id)).toContain(team.jit.id);
  });

  it('moves from draft to active once, by the lead party leader', async () => {
    expect(team.jit.status).toBe('draft');
    expect((await team.otherLeader.post(`${url}/activate`)).status).toBe(403);
    const activated = await team.leadLeader.post(`${url}/activate`);
    expect(activated.status).toBe(200);
    expect((activated.body as Jit).status).toBe('active');
    const again = await team.leadLeader.post(`${url}/activate`);
    expect(again.status).toBe(409);
    expect((again.body as ApiError).error).toBe('jit_already_active');
    const dates = await team.leadLeader.patch(url, { endDate: '2031-01-01' });
    expect(dates.status).toBe(409);
    expect((dates.body as ApiError).error).toBe('jit_not_draft');
  });

  it('refuses changes past the end date until an extension is recorded, which keeps the signed date', async () => {
    await testApp.dataSource.getRepository(JitEntity).update({ id: team.jit.id }, { effectiveEndDate: '2020-01-01' });
    const refused = await team.leadLeader.patch(url, { title: 'After the end' });
    expect(refused.status).toBe(409);
    expect((refused.body as ApiError).error).toBe('jit_expired');
    expect((refused.body as ApiError).message).toMatch(/record an extension/);
    const notLater = await team.leadLeader.post(`${url}/extensions`, { newEndDate: '2019-12-31', agreedOn: '2026-01-01' });
    expect(notLater.status).toBe(400);
    const extended = await team.leadLeader.post(`${url}/extensions`, { newEndDate: '2032-06-30', agreedOn: '2026-11-20', note: 'Extended by mutual consent' });
    expect(extended.status).toBe(201);
    const jit = extended.body as Jit;
    expect(jit).toMatchObject({ endDate: '2030-12-31', effectiveEndDate: '2032-06-30', expired: false });
    expect(jit.extensions).toHaveLength(1);
    expect(jit.extensions[0]).toMatchObject({ previousEndDate: '2020-01-01', newEndDate: '2032-06-30', agreedOn: '2026-11-20' });
    expect((await team.leadLeader.patch(url, { title: 'After the extension' })).status).toBe(200);
  });

  it('lets a leader manage their own party only, and keeps revoked memberships in the record', async () => {
    const recruit = await createUser(team.admin, { country: 'FR' });
    const fr = team.jit.parties.find((p) => p.country === 'FR');
    const nl = team.jit.parties.find((p) => p.country === 'NL');
    const toNl = await team.otherLeader.post(`${url}/members`, { userId: recruit.me?.id, partyId: nl?.id, role: 'member' });
    expect(toNl.status).toBe(403);
    expect((toNl.body as ApiError).permission).toBe('members.manage');
    const added = await team.otherLeader.post(`${url}/members`, { userId: recruit.me?.id, partyId: fr?.id, role: 'member' });
    expect(added.status).toBe(201);
    const twice = await team.otherLeader.post(`${url}/members`, { userId: recruit.me?.id, partyId: fr?.id, role: 'member' });
    expect(twice.status).toBe(409);
    expect((await recruit.get(url)).status).toBe(200);

    const member = added.body as Member;
    const promoted = await team.otherLeader.patch(`${url}/members/${member.id}`, { role: 'legal_adviser' });
    expect((promoted.body as Member).role).toBe('legal_adviser');
    const revoked = await team.otherLeader.delete(`${url}/members/${member.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ active: false });
    // Revocation takes effect at once: the next request finds nothing.
    expect((await recruit.get(url)).status).toBe(404);
    expect((await recruit.get('/api/jits')).body).toEqual([]);
    const list = (await team.leadLeader.get(`${url}/members`)).body as Member[];
    expect(list.find((m) => m.id === member.id)).toMatchObject({ active: false, revokedBy: team.otherLeader.me?.id });
    const events = (await team.legalAdviser.get(`${url}/audit?action=member.revoked`)).body as AuditPage;
    expect(events.items.at(-1)).toMatchObject({ subjectId: member.id, actorPartyId: fr?.id });
  });

  it('ends access at its expiry', async () => {
    const visitor = await createUser(team.admin);
    const membership = await addMember(team.leadLeader, team.jit, visitor, null, 'observer');
    expect((await visitor.get(url)).status).toBe(200);
    await testApp.dataSource.query(`UPDATE memberships SET accessExpiresAt = ? WHERE id = ?`, ['2020-01-01 00:00:00.000', membership.id]);
    expect((await visitor.get(url)).status).toBe(404);
  });

  it('shares nothing new once closed, while reading, verifying and revoking go on', async () => {
    expect((await team.otherLeader.post(`${url}/close`)).status).toBe(403);
    const closed = await team.leadLeader.post(`${url}/close`);
    expect(closed.status).toBe(200);
    expect((closed.body as Jit).status).toBe('closed');
    const before = await headSeq(testApp, jitChain(team.jit.id));
    const edit = await team.leadLeader.patch(url, { title: 'Too late' });
    expect(edit.status).toBe(409);
    expect((edit.body as ApiError).error).toBe('jit_closed');
    const late = await createUser(team.admin);
    expect(await addMember(team.leadLeader, team.jit, late, 'NL', 'member').catch((e: Error) => e.message)).toMatch(/409/);
    expect(await headSeq(testApp, jitChain(team.jit.id))).toBe(before);
    expect((await team.member.get(url)).status).toBe(200);
    expect((await team.legalAdviser.get(`${url}/audit/verify`)).body).toMatchObject({ ok: true });
    expect((await team.leadLeader.delete(`${url}/members/${team.memberships.observer.id}`)).status).toBe(200);
  });
});

describe('order of checks on one membership', () => {
  let testApp: TestApp;
  let team: Team;
  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
  });
  afterAll(() => testApp.close());

  it("refuses a leader another party's membership with 403 before looking at the body", async () => {
    const url = `/api/jits/${team.jit.id}/members/${team.memberships.member.id}`;
    const patch = await team.otherLeader.patch(url, { role: 'boss', unknown: true });
    expect(patch.status).toBe(403);
    expect((patch.body as ApiError).permission).toBe('members.manage');
    expect((await team.otherLeader.delete(url)).status).toBe(403);
    const own = await team.otherLeader.patch(`/api/jits/${team.jit.id}/members/${team.memberships.otherLeader.id}`, { role: 'boss' });
    expect(own.status).toBe(400);
    expect((await team.otherLeader.patch(`/api/jits/${team.jit.id}/members/00000000-0000-4000-8000-000000000000`, { role: 'member' })).status).toBe(404);
  });
});
