import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { jitChain, type AuditPage, type EvidenceItem, type EvidenceListPage } from '@jit/shared';
import { EvidenceJobsService, EvidenceUploadEntity, EvidenceVersionEntity } from '../src/evidence';
import { Transactions } from '../src/database/transactions';
import { JobLeasesService } from '../src/jobs/job-leases.service';
import { OBJECT_STORAGE, type ObjectStorage } from '../src/storage/object-storage';
import { buildTeam, startTestApp, type Team, type TestApp } from './harness';
import { TusClient } from './tus-client';

describe('scheduled evidence jobs', () => {
  let testApp: TestApp;
  let team: Team;
  let jobs: EvidenceJobsService;

  beforeAll(async () => {
    testApp = await startTestApp({ FIXITY_INTERVAL_HOURS: '24', UPLOAD_EXPIRY_HOURS: '1' });
    team = await buildTeam(testApp);
    jobs = testApp.app.get(EvidenceJobsService);
  });
  afterAll(() => testApp.close());

  async function share(title: string): Promise<EvidenceItem> {
    const uploadId = await new TusClient(team.member, team.jit.id).upload(randomBytes(50_000), { fileName: `${title}.bin` });
    const nl = team.jit.parties.find((p) => p.country === 'NL');
    const response = await team.member.post(`/api/jits/${team.jit.id}/evidence`, {
      uploadId,
      title,
      documentType: 'other',
      originatingPartyId: nl?.id,
      handlingCode: 'evidential_use_in_jit',
    });
    return response.body as EvidenceItem;
  }

  it('re-verifies files whose last check is older than the cycle, and raises a corrupted one', async () => {
    const intact = await share('intact');
    const damaged = await share('damaged');
    const storage = testApp.app.get<ObjectStorage>(OBJECT_STORAGE);
    const [version] = await testApp.dataSource.getRepository(EvidenceVersionEntity).findBy({ itemId: damaged.id });
    await storage.put(version.objectKey, Readable.from([randomBytes(50_000)]));

    // Not due yet: files stored a moment ago are left alone.
    expect((await jobs.tick()).verified).toBe(0);
    const dayLater = new Date(Date.now() + 25 * 3_600_000);
    const { verified } = await jobs.tick(dayLater);
    expect(verified).toBe(2);

    const failed = (await team.legalAdviser.get(`/api/jits/${team.jit.id}/evidence?status=integrity_failed`)).body as EvidenceListPage;
    expect(failed.items.map((i) => i.id)).toEqual([damaged.id]);
    expect(((await team.member.get(`/api/jits/${team.jit.id}/evidence/${intact.id}`)).body as EvidenceItem).versions[0].lastVerifiedAt).not.toBeNull();
    const alerts = (await team.leadLeader.get(`/api/jits/${team.jit.id}/audit?action=evidence.integrity_failed`)).body as AuditPage;
    expect(alerts.items.map((e) => [e.subjectId, e.actorUserId])).toEqual([[damaged.id, null]]);
    expect((await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit/verify`)).body).toMatchObject({ ok: true });
    // Just checked: an hour later nothing is due, and the damaged file is not re-checked in a loop.
    expect((await jobs.tick(new Date(Date.now() + 3_600_000))).verified).toBe(0);
  });

  it('sweeps uploads left unfinished past their expiry, and their staged bytes', async () => {
    const tus = new TusClient(team.member, team.jit.id);
    const uploadId = await tus.start({ length: 100_000, fileName: 'abandoned.bin' });
    expect((await tus.patch(uploadId, 0, randomBytes(40_000))).status).toBe(204);
    const { swept } = await jobs.tick(new Date(Date.now() + 2 * 3_600_000));
    expect(swept).toBe(1);
    expect(await testApp.dataSource.getRepository(EvidenceUploadEntity).findOneByOrFail({ id: uploadId })).toMatchObject({ status: 'expired' });
    expect((await tus.head(uploadId)).status).toBe(410);
    const leftovers = await readdir(`${testApp.config.DATA_DIR}/objects/.multipart`).catch(() => [] as string[]);
    expect(leftovers).toEqual([]);
    expect(await testApp.dataSource.query('SELECT seq FROM audit_chain_heads WHERE chain = ?', [jitChain(team.jit.id)])).toHaveLength(1);
  });

  it('lets one server process at a time hold a job', async () => {
    const leases = testApp.app.get(JobLeasesService);
    // A second process: another holder on the same database.
    const other = new JobLeasesService(testApp.dataSource, testApp.app.get(Transactions));
    const now = new Date(Date.now() + 10 * 3_600_000);
    expect(await leases.acquire('exclusive-test', 60_000, now)).toBe(true);
    expect(await other.acquire('exclusive-test', 60_000, now)).toBe(false);
    expect(await leases.acquire('exclusive-test', 60_000, now)).toBe(true);
    expect(await other.acquire('exclusive-test', 60_000, new Date(now.getTime() + 61_000))).toBe(true);
  });
});
