import { createHash, randomBytes } from 'node:crypto';
import type { EvidenceItem, EvidenceListPage, FixityResult } from '@jit/shared';
import { buildTeam, startTestApp, type Team, type TestApp } from './harness';
import { startS3TestServer, type S3TestServer } from './s3-test-server';
import { bufferSource, MIB, TusClient } from './tus-client';

describe.each(['local', 's3'] as const)('evidence smoke (%s storage)', (driver) => {
  let testApp: TestApp;
  let team: Team;
  let s3: S3TestServer | null = null;
  beforeAll(async () => {
    s3 = driver === 's3' ? await startS3TestServer() : null;
    testApp = await startTestApp(s3 ? { STORAGE_DRIVER: 's3', S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey, S3_BUCKET: s3.bucket } : {});
    team = await buildTeam(testApp);
  });
  afterAll(async () => {
    await testApp.close();
    await s3?.close();
  });

  it('uploads in chunks, becomes evidence, downloads with ranges and verifies', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(11 * MIB)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const tus = new TusClient(team.member, team.jit.id);
    const created = await tus.create({ length: bytes.length, fileName: 'statement.pdf', fileType: 'application/pdf', sha256 });
    expect(created.status).toBe(201);
    const location = String(created.headers.location);
    const uploadId = location.split('/').pop() ?? '';
    expect(location).toBe(tus.url(uploadId));
    await expect(tus.send(uploadId, bufferSource(bytes), { chunkSize: 3 * MIB, from: 0 })).resolves.toBe(bytes.length);
    const nl = team.jit.parties.find((p) => p.country === 'NL');
    const item = await team.member.post(`/api/jits/${team.jit.id}/evidence`, {
      uploadId,
      title: 'Witness statement W-12',
      documentType: 'witness_statement',
      originatingPartyId: nl?.id,
      handlingCode: 'evidential_use_in_jit',
    });
    expect(item.status).toBe(201);
    const body = item.body as EvidenceItem;
    expect(body).toMatchObject({ status: 'available', sha256, size: bytes.length, mimeType: 'application/pdf' });
    const list = (await team.observer.get(`/api/jits/${team.jit.id}/evidence`)).body as EvidenceListPage;
    expect(list.items.map((i) => i.id)).toEqual([body.id]);
    const version = body.versions[0];
    const range = await team.legalAdviser.agent.get(`/api/jits/${team.jit.id}/evidence/${body.id}/versions/${version.id}/content`).set('Range', 'bytes=5-14').buffer(true);
    expect(range.status).toBe(206);
    expect(Buffer.compare(range.body as Buffer, bytes.subarray(5, 15))).toBe(0);
    expect(range.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    const verify = await team.member.post(`/api/jits/${team.jit.id}/evidence/${body.id}/verify`);
    expect((verify.body as FixityResult[])[0]).toMatchObject({ ok: true });
  });
});
