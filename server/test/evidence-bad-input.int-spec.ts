import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiError, AuditPage, EvidenceListPage, Jit, UploadStatusView } from '@jit/shared';
import { jitChain } from '@jit/shared';
import { EvidenceUploadEntity } from '../src/evidence';
import { OBJECT_STORAGE, type ObjectStorage } from '../src/storage/object-storage';
import { addMember, buildTeam, createJit, headSeq, startTestApp, type Team, type TestApp } from './harness';
import { encodeMetadata, MIB, TusClient } from './tus-client';

/**
 * What the evidence routes refuse, and that a refusal leaves nothing behind: no stored bytes, no
 * evidence_items row, the JIT's chain unchanged (except for the one `upload.refused` event a
 * refused upload records). Local storage is enough: the refusals are decided above the adapter.
 */
describe('evidence bad input', () => {
  let testApp: TestApp;
  let team: Team;
  let tus: TusClient;
  let storage: ObjectStorage;

  const text = (size = 2000) => Buffer.from(`Statement\n${randomBytes(size / 2).toString('hex')}\n`);
  const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const nl = (jit: Jit = team.jit) => jit.parties.find((p) => p.country === 'NL')?.id ?? '';
  const evidenceUrl = (jit: Jit = team.jit) => `/api/jits/${jit.id}/evidence`;
  const describeBody = (uploadId: string) => ({ uploadId, title: 'Statement', documentType: 'witness_statement', originatingPartyId: nl(), handlingCode: 'evidential_use_in_jit' });

  const errorOf = (body: unknown) => {
    const error = body as ApiError;
    return { statusCode: error.statusCode, error: error.error, details: error.details };
  };
  const chainHead = () => headSeq(testApp, jitChain(team.jit.id));
  const itemRows = async (): Promise<number> => {
    const rows: Array<{ n: number | string }> = await testApp.dataSource.query('SELECT COUNT(*) AS n FROM evidence_items');
    return Number(rows[0]?.n ?? 0);
  };
  const uploadRow = (uploadId: string): Promise<EvidenceUploadEntity> => testApp.dataSource.getRepository(EvidenceUploadEntity).findOneByOrFail({ id: uploadId });
  /** Before and after a refusal: the same evidence rows and chain head. */
  async function expectNothingWritten(refusal: () => Promise<void>, events = 0): Promise<void> {
    const [items, head] = [await itemRows(), await chainHead()];
    await refusal();
    expect({ items: await itemRows(), head: await chainHead() }).toEqual({ items, head: head + events });
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    tus = new TusClient(team.member, team.jit.id);
    storage = testApp.app.get<ObjectStorage>(OBJECT_STORAGE);
  }, 30_000);
  afterAll(() => testApp.close(), 30_000);

  describe('tus PATCH', () => {
    it('refuses a wrong Upload-Offset with 409 and keeps the offset', async () => {
      const bytes = text();
      const uploadId = await tus.start({ length: bytes.length });
      await expectNothingWritten(async () => {
        expect((await tus.patch(uploadId, 0, bytes.subarray(0, 100))).status).toBe(204);
        for (const offset of [0, 50, 101, bytes.length]) {
          const response = await tus.patch(uploadId, offset, bytes.subarray(offset, offset + 10));
          expect([offset, response.status, (response.body as ApiError).error]).toEqual([offset, 409, 'upload_offset_mismatch']);
        }
        const noOffset = await tus.patch(uploadId, 100, bytes.subarray(100, 110), { 'Upload-Offset': null });
        expect(errorOf(noOffset.body)).toEqual({ statusCode: 400, error: 'validation_failed', details: [{ field: 'Upload-Offset', code: 'required' }] });
        expect(await tus.offsetOf(uploadId)).toBe(100);
      });
    });

    it('answers 412 without Tus-Resumable, or with another version', async () => {
      const bytes = text();
      const uploadId = await tus.start({ length: bytes.length });
      for (const version of [null, '0.2.2']) {
        const response = await tus.patch(uploadId, 0, bytes, { 'Tus-Resumable': version });
        expect([response.status, (response.body as ApiError).error]).toEqual([412, 'tus_version_unsupported']);
        expect((await tus.head(uploadId, { 'Tus-Resumable': version })).status).toBe(412);
        expect((await tus.create({ length: 10 }, { 'Tus-Resumable': version })).status).toBe(412);
      }
      expect(await tus.offsetOf(uploadId)).toBe(0);
    });

    it('answers 415 for a body that is not application/offset+octet-stream', async () => {
      const bytes = text();
      const uploadId = await tus.start({ length: bytes.length });
      for (const type of ['application/octet-stream', 'text/plain', 'application/json']) {
        const response = await tus.patch(uploadId, 0, bytes, { 'Content-Type': type });
        expect([type, response.status]).toEqual([type, 415]);
      }
      expect(await tus.offsetOf(uploadId)).toBe(0);
    });

    it('answers 411 for a chunk without Content-Length (chunked transfer encoding)', async () => {
      const bytes = text();
      const uploadId = await tus.start({ length: bytes.length });
      await testApp.app.listen(0, '127.0.0.1');
      const response = await tus.rawPatch(uploadId, 0, bytes, { overrides: { 'Content-Length': null } });
      if (response === 'aborted') throw new Error('the request was not answered');
      expect(response.status).toBe(411);
      expect(errorOf(JSON.parse(response.body))).toEqual({ statusCode: 411, error: 'validation_failed', details: [{ field: 'Content-Length', code: 'required' }] });
      expect(await tus.offsetOf(uploadId)).toBe(0);
      // The same bytes with their length are accepted.
      const accepted = await tus.rawPatch(uploadId, 0, bytes);
      expect(accepted === 'aborted' ? 'aborted' : [accepted.status, accepted.headers['upload-offset']]).toEqual([204, String(bytes.length)]);
    });

    it('answers 413 for a chunk that would run past Upload-Length, and stores nothing of it', async () => {
      const bytes = text(4000);
      const uploadId = await tus.start({ length: bytes.length });
      expect((await tus.patch(uploadId, 0, bytes.subarray(0, 1000))).status).toBe(204);
      const response = await tus.patch(uploadId, 1000, Buffer.concat([bytes.subarray(1000), Buffer.from('one byte too many')]));
      expect([response.status, (response.body as ApiError).error]).toEqual([413, 'upload_too_large']);
      expect(await tus.offsetOf(uploadId)).toBe(1000);
      expect((await tus.patch(uploadId, 1000, bytes.subarray(1000))).status).toBe(204);
      expect((await tus.statusView(uploadId)).sha256).toBe(sha256Of(bytes));
    });

    it('refuses a lying Upload-Length (10 declared, 20 sent) with 413 and keeps nothing', async () => {
      const uploadId = await tus.start({ length: 10, fileName: 'ten.txt' });
      const { objectKey, multipartId } = await uploadRow(uploadId);
      if (!multipartId) throw new Error('no multipart upload');
      await expectNothingWritten(async () => {
        const response = await tus.patch(uploadId, 0, Buffer.from('twenty bytes of text'));
        expect([response.status, (response.body as ApiError).error]).toEqual([413, 'upload_too_large']);
      });
      expect(await uploadRow(uploadId)).toMatchObject({ offset: 0, status: 'receiving' });
      expect(await tus.statusView(uploadId)).toMatchObject({ offset: 0, status: 'receiving', sha256: null });
      expect(await storage.stat(objectKey)).toBeNull();
      // Local disk keeps a multipart upload as one data file: still empty.
      expect((await stat(join(testApp.config.DATA_DIR, 'objects', '.multipart', multipartId))).size).toBe(0);
    });
  });

  describe('tus creation', () => {
    it('refuses Upload-Length 0, a missing one and a non-number with 400', async () => {
      await expectNothingWritten(async () => {
        const cases: Array<[string | null, string]> = [
          ['0', 'out_of_range'],
          [null, 'required'],
          ['-5', 'invalid_type'],
          ['ten', 'invalid_type'],
          ['1e6', 'invalid_type'],
        ];
        for (const [length, code] of cases) {
          const response = await tus.create({ length: 1 }, { 'Upload-Length': length });
          expect([length, errorOf(response.body)]).toEqual([length, { statusCode: 400, error: 'validation_failed', details: [{ field: 'Upload-Length', code }] }]);
        }
      });
    });

    it('refuses file names that climb folders, name folders or carry control characters', async () => {
      const names = [
        '../../etc/passwd',
        '..',
        '.',
        'evidence/statement.pdf',
        'C:\\Windows\\evil.exe',
        'line\nbreak.txt',
        'nul\u0000byte.txt',
        'bell\u0007.txt',
        'del\u007f.txt',
        '   ',
        'x'.repeat(256),
      ];
      await expectNothingWritten(async () => {
        for (const fileName of names) {
          const response = await tus.create({ length: 10, fileName });
          expect([JSON.stringify(fileName), errorOf(response.body)]).toEqual([
            JSON.stringify(fileName),
            { statusCode: 400, error: 'validation_failed', details: [{ field: 'filename', code: 'invalid_value' }] },
          ]);
        }
        const missing = await tus.create({ length: 10 }, { 'Upload-Metadata': encodeMetadata({ filetype: 'text/plain' }) });
        expect(errorOf(missing.body)).toEqual({ statusCode: 400, error: 'validation_failed', details: [{ field: 'filename', code: 'invalid_value' }] });
        const malformed = await tus.create({ length: 10 }, { 'Upload-Metadata': 'filename not base64!' });
        expect(errorOf(malformed.body)).toEqual({ statusCode: 400, error: 'validation_failed', details: [{ field: 'Upload-Metadata', code: 'invalid_value' }] });
        const badHash = await tus.create({ length: 10, sha256: 'abc' });
        expect(errorOf(badHash.body)).toEqual({ statusCode: 400, error: 'validation_failed', details: [{ field: 'sha256', code: 'invalid_value' }] });
      });
      // A name with spaces and accents is fine, and kept exactly.
      const uploadId = await tus.start({ length: 10, fileName: 'Procès-verbal n° 12 (copie).pdf' });
      expect((await tus.statusView(uploadId)).fileName).toBe('Procès-verbal n° 12 (copie).pdf');
    });

    it('refuses a file larger than the JIT accepts with 413 at creation', async () => {
      const jit = await createJit(team.admin);
      const limited = await team.admin.patch(`/api/jits/${jit.id}`, { maxUploadBytes: 1000 });
      expect(limited.status).toBe(200);
      await addMember(team.admin, jit, team.leadLeader, 'NL', 'leader');
      const local = new TusClient(team.leadLeader, jit.id);
      const refused = await local.create({ length: 1001 });
      expect([refused.status, (refused.body as ApiError).error]).toEqual([413, 'upload_too_large']);
      expect(refused.headers.location).toBeUndefined();
      expect((await local.create({ length: 1000 })).status).toBe(201);
    });
  });

  describe('refusals at the last byte', () => {
    it('refuses bytes that do not match the declared SHA-256: 400, upload failed, nothing listed, an upload.refused event', async () => {
      const bytes = text();
      const declared = sha256Of(Buffer.from('other bytes'));
      const uploadId = await tus.start({ length: bytes.length, fileName: 'statement.txt', sha256: declared });
      const { objectKey } = await uploadRow(uploadId);
      await expectNothingWritten(async () => {
        expect((await tus.patch(uploadId, 0, bytes.subarray(0, 500))).status).toBe(204);
        const last = await tus.patch(uploadId, 500, bytes.subarray(500));
        expect([last.status, (last.body as ApiError).error]).toEqual([400, 'upload_hash_mismatch']);
      }, 1);
      const status: UploadStatusView = await tus.statusView(uploadId);
      expect(status).toMatchObject({ status: 'failed', failureReason: 'upload_hash_mismatch', sha256: sha256Of(bytes) });
      expect(await storage.stat(objectKey)).toBeNull();
      const described = await team.member.post(evidenceUrl(), describeBody(uploadId));
      expect([described.status, (described.body as ApiError).error]).toEqual([409, 'upload_not_receiving']);
      expect(((await team.observer.get(evidenceUrl())).body as EvidenceListPage).items).toEqual([]);
      const refused = ((await team.leadLeader.get(`/api/jits/${team.jit.id}/audit?action=upload.refused`)).body as AuditPage).items;
      expect(refused.at(-1)).toMatchObject({
        action: 'upload.refused',
        subjectType: 'upload',
        subjectId: uploadId,
        actorUserId: team.member.me?.id,
        changes: expect.arrayContaining([
          { field: 'reason', from: null, to: 'upload_hash_mismatch' },
          { field: 'sha256', from: declared, to: sha256Of(bytes) },
        ]),
      });
    });

    it('refuses a blocked type, sniffed from the bytes (415 file_type_blocked)', async () => {
      await testApp.dataSource.query('UPDATE jits SET blockedTypes = ? WHERE id = ?', [JSON.stringify(['application/pdf']), team.jit.id]);
      try {
        // Named and declared as text: the sniffed type decides.
        const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), randomBytes(MIB / 4)]);
        const uploadId = await tus.start({ length: pdf.length, fileName: 'notes.txt', fileType: 'text/plain' });
        const { objectKey } = await uploadRow(uploadId);
        await expectNothingWritten(async () => {
          const response = await tus.patch(uploadId, 0, pdf);
          expect([response.status, (response.body as ApiError).error]).toEqual([415, 'file_type_blocked']);
        }, 1);
        expect(await tus.statusView(uploadId)).toMatchObject({ status: 'failed', failureReason: 'file_type_blocked', mimeType: 'application/pdf' });
        expect(await storage.stat(objectKey)).toBeNull();
        // Other types still pass.
        const ok = await tus.upload(text(), { fileName: 'notes.txt' });
        expect((await tus.statusView(ok)).status).toBe('complete');
      } finally {
        await testApp.dataSource.query('UPDATE jits SET blockedTypes = ? WHERE id = ?', ['[]', team.jit.id]);
      }
    });
  });

  describe('POST /evidence', () => {
    let uploadId: string;
    beforeAll(async () => {
      uploadId = await tus.upload(text(), { fileName: 'metadata.txt' });
    });

    const refuse = async (body: Record<string, unknown>, details: Array<{ field: string; code: string }>, client = team.member) => {
      await expectNothingWritten(async () => {
        const response = await client.post(evidenceUrl(), body);
        expect(errorOf(response.body)).toEqual({ statusCode: 400, error: 'validation_failed', details: expect.arrayContaining(details) });
        expect((response.body as ApiError).details).toHaveLength(details.length);
      });
    };

    it('requires title, documentType, originatingPartyId and handlingCode', async () => {
      const { title: _title, handlingCode: _handling, ...rest } = describeBody(uploadId);
      await refuse(rest, [
        { field: 'title', code: 'required' },
        { field: 'handlingCode', code: 'required' },
      ]);
      await refuse({ uploadId }, [
        { field: 'title', code: 'required' },
        { field: 'documentType', code: 'required' },
        { field: 'originatingPartyId', code: 'required' },
        { field: 'handlingCode', code: 'required' },
      ]);
    });

    it('refuses unknown fields and values outside the lists', async () => {
      await refuse({ ...describeBody(uploadId), sha256: 'f'.repeat(64) }, [{ field: 'sha256', code: 'unknown_field' }]);
      await refuse({ ...describeBody(uploadId), status: 'available' }, [{ field: 'status', code: 'unknown_field' }]);
      await refuse({ ...describeBody(uploadId), handlingCode: 'top_secret' }, [{ field: 'handlingCode', code: 'invalid_value' }]);
      await refuse({ ...describeBody(uploadId), title: '   ' }, [{ field: 'title', code: 'required' }]);
    });

    it('refuses a party of another JIT or none at all', async () => {
      const other = await createJit(team.admin);
      for (const originatingPartyId of [other.parties[0].id, randomUUID()]) {
        await refuse({ ...describeBody(uploadId), originatingPartyId }, [{ field: 'originatingPartyId', code: 'invalid_value' }]);
      }
    });

    it('refuses an upload that is not the caller’s: someone else’s, unknown, or not a uuid', async () => {
      await refuse(describeBody(uploadId), [{ field: 'uploadId', code: 'invalid_value' }], team.legalAdviser);
      await refuse(describeBody(randomUUID()), [{ field: 'uploadId', code: 'invalid_value' }]);
      await refuse(describeBody('../uploads'), [{ field: 'uploadId', code: 'invalid_value' }]);
      // The owner may still describe it afterwards.
      expect((await team.member.post(evidenceUrl(), describeBody(uploadId))).status).toBe(201);
    });
  });
});
