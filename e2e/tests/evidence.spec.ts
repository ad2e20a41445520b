import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import type { Jit } from '@jit/shared';
import {
  expectNoPageErrors,
  field,
  fillDate,
  firstLogin,
  holdUploadChunks,
  jitSection,
  minimalPdf,
  ONE_PIXEL_PNG,
  type Person,
  recordUploadProgress,
  selectOption,
  setUpTeamByApi,
  sha256Hex,
  sha256OfFile,
  uploadProgress,
} from './helpers';
import { expectAccessible } from './accessibility';

const LEADER: Person = {
  email: 'lead.nl@jit-e2e-evidence.test',
  displayName: 'Maarten Visser',
  organisation: 'Openbaar Ministerie',
  country: 'NL',
  countryOption: 'Netherlands (NL)',
  timeZone: 'Europe/Amsterdam',
  initialPassword: 'initial-Lead-2026!',
  password: 'lead-Chosen-2026!',
};
/** The journeys' subject: a member (not a leader) of the NL party. */
const UPLOADER: Person = {
  email: 'officer.nl@jit-e2e-evidence.test',
  displayName: 'Sanne Jansen',
  organisation: 'Politie Nederland',
  country: 'NL',
  countryOption: 'Netherlands (NL)',
  timeZone: 'Europe/Amsterdam',
  initialPassword: 'initial-Officer-2026!',
  password: 'officer-Chosen-2026!',
};

const JIT_REFERENCE = 'JIT-E2E-EVIDENCE-NL-DE-003';
/** The client sends 8 MiB chunks (CHUNK_SIZE in use-tus-upload.ts). */
const CHUNK = 8 * 1024 * 1024;

const PDF_NAME = 'witness-statement.pdf';
const PNG_NAME = 'crime-scene.png';
const BIG_NAME = 'phone-extraction.bin';
const PDF = minimalPdf('Witness statement of 3 March');
const BIG_SIZE = 40 * 1024 * 1024;

/** The upload form of one file, and the handling code the server requires. */
async function describeUpload(page: Page, row: Locator, collectedBy: string): Promise<void> {
  await selectOption(page, row, 'Handling code', 'Evidential use within the JIT');
  await field(row, 'Collected by').fill(collectedBy);
  await expect(field(row, 'Originating party')).toHaveValue('Netherlands');
}

test.describe('evidence: upload, resume, preview, download, verify', () => {
  test.describe.configure({ mode: 'serial' });

  let context: BrowserContext;
  let page: Page;
  let jit: Jit;
  let tempDir = '';
  let bigPath = '';
  let bigSha256 = '';

  test.beforeAll(async ({ browser }) => {
    jit = await setUpTeamByApi(
      {
        reference: JIT_REFERENCE,
        title: 'Operation Harbour: seized phones',
        purpose: 'Exchange the evidence seized in Rotterdam and Hamburg.',
        lead: { country: 'NL', name: 'Netherlands', authority: 'Public Prosecution Service' },
        other: { country: 'DE', name: 'Germany', authority: 'Staatsanwaltschaft Hamburg' },
      },
      LEADER,
      [{ person: UPLOADER, partyName: 'Netherlands', role: 'member' }],
    );

    tempDir = mkdtempSync(join(tmpdir(), 'jit-e2e-evidence-'));
    bigPath = join(tempDir, BIG_NAME);
    writeFileSync(bigPath, randomBytes(BIG_SIZE));
    bigSha256 = await sha256OfFile(bigPath);

    ({ context, page } = await firstLogin(browser, UPLOADER));
  });

  test.afterEach(() => expectNoPageErrors());

  test.afterAll(async () => {
    await context?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  test('a member uploads a PDF and a PNG with their description; both reach 100% and are listed', async () => {
    await page.goto(`/jits/${jit.id}`);
    await jitSection(page, 'Evidence').click();
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/evidence$`));
    await expect(page.getByText('No evidence matches.')).toBeVisible();
    await expectAccessible(page, 'the empty evidence list');
    await page.getByRole('link', { name: 'Upload evidence' }).click();
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/evidence/new$`));
    await expect(page.getByText('No file chosen yet.')).toBeVisible();
    await expectAccessible(page, 'the upload screen');

    await page.getByLabel('Files to upload').setInputFiles([
      { name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF },
      { name: PNG_NAME, mimeType: 'image/png', buffer: ONE_PIXEL_PNG },
    ]);

    const pdfRow = page.getByTestId(`upload-row-${PDF_NAME}`);
    const pngRow = page.getByTestId(`upload-row-${PNG_NAME}`);
    await expect(pdfRow).toBeVisible();
    await expect(pngRow).toBeVisible();
    await expectAccessible(page, 'the upload screen with two files described');
    // The description is prefilled from the file while its bytes travel.
    await expect(field(pdfRow, 'Title')).toHaveValue(PDF_NAME);
    await expect(field(pdfRow, 'Document type')).toHaveValue('Document');
    await expect(field(pngRow, 'Document type')).toHaveValue('Photograph');

    await describeUpload(page, pdfRow, 'Det. Jansen');
    // When it was obtained, as the seizure report writes it: on the clocks of the uploader's zone.
    await fillDate(pdfRow, 'Date', '2026-03-01');
    await field(pdfRow, 'Time (Europe/Amsterdam, 24-hour)').fill('14:30');
    await describeUpload(page, pngRow, 'Forensic photographer');
    for (const row of [pdfRow, pngRow]) await row.getByRole('button', { name: 'Save', exact: true }).click();

    for (const [row, name, mime, bytes] of [
      [pdfRow, PDF_NAME, 'application/pdf', PDF],
      [pngRow, PNG_NAME, 'image/png', ONE_PIXEL_PNG],
    ] as const) {
      await expect(uploadProgress(page, name)).toHaveAttribute('aria-valuenow', '100');
      await expect(uploadProgress(page, name)).toHaveText('100%');
      await expect(row).toHaveAttribute('data-phase', 'complete');
      await expect(row.getByTestId('saved-status')).toHaveAttribute('data-status', 'available');
      // What the server found once the bytes were in: the hash and the sniffed type.
      await expect(row.getByTestId('upload-sha256')).toHaveText(sha256Hex(bytes));
      await expect(row.getByTestId('upload-mime-type')).toHaveText(mime);
      await expect(row.getByTestId('duplicate-warning')).toHaveCount(0);
    }

    await page.getByRole('link', { name: 'Back to the evidence list' }).click();
    const table = page.getByTestId('evidence-table');
    for (const name of [PDF_NAME, PNG_NAME]) {
      const listed = table.getByTestId(`evidence-row-${name}`);
      await expect(listed).toHaveAttribute('data-status', 'available');
      await expect(listed).toContainText(UPLOADER.displayName);
      await expect(listed).toContainText('Evidential use within the JIT');
    }
    await expect(table.getByRole('row')).toHaveCount(3); // the header and the two items
  });

  test('a 40 MiB upload stopped by a reload resumes from the server offset, and its SHA-256 matches', async () => {
    await page.goto(`/jits/${jit.id}/evidence/new`);
    // The first chunk reaches the server; the second is held, as on a stalled connection.
    const firstAttempt = await holdUploadChunks(page, 1);
    await page.getByLabel('Files to upload').setInputFiles(bigPath);
    const bar = uploadProgress(page, BIG_NAME);
    await expect.poll(() => firstAttempt.held(), { message: 'the second chunk is held' }).toBe(1);
    // Mid-way: the server holds the first 8 MiB (20%), no more.
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThanOrEqual((CHUNK * 100) / BIG_SIZE);
    await expect(page.getByTestId(`upload-row-${BIG_NAME}`)).toHaveAttribute('data-phase', 'uploading');

    await page.reload();
    await firstAttempt.release();
    await expect(page.getByText('No file chosen yet.')).toBeVisible();

    // Pick the same file again: tus asks the server where it stopped (HEAD), then sends the rest.
    const progressSeen = await recordUploadProgress(page, BIG_NAME);
    const secondAttempt = await holdUploadChunks(page, 1);
    const head = page.waitForResponse((r) => r.request().method() === 'HEAD' && /\/uploads\/[0-9a-f-]{36}$/.test(r.url()));
    await page.getByLabel('Files to upload').setInputFiles(bigPath);
    const headResponse = await head;
    expect(headResponse.status()).toBe(200);
    expect(Number(headResponse.headers()['upload-offset'])).toBe(CHUNK);

    const row = page.getByTestId(`upload-row-${BIG_NAME}`);
    await expect(row).toContainText('resumed from an earlier attempt');
    await expect.poll(() => secondAttempt.held()).toBe(1);
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan((CHUNK * 100) / BIG_SIZE);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);

    // Described and saved before the last byte: the item waits for its bytes.
    await expect(row.getByText('You can save before the upload finishes')).toBeVisible();
    await describeUpload(page, row, 'Digital forensics unit');
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(row.getByTestId('saved-status')).toHaveAttribute('data-status', 'pending');
    await expect(row.getByTestId('saved-status')).toContainText('Saved: pending until the bytes arrive.');

    await secondAttempt.release();
    await expect(row).toHaveAttribute('data-phase', 'complete', { timeout: 30_000 });
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    await expect(row.getByTestId('saved-status')).toHaveAttribute('data-status', 'available');
    await expect(row.getByTestId('upload-sha256')).toHaveText(bigSha256);

    const values = await progressSeen();
    const firstMoved = values.find((v) => v > 0);
    expect(firstMoved, `progress values seen after the reload: ${values.join(', ')}`).toBeGreaterThanOrEqual((CHUNK * 100) / BIG_SIZE);
    expect(values[values.length - 1]).toBe(100);

    await row.getByRole('link', { name: 'Open the item' }).click();
    await expect(page.getByTestId('evidence-title')).toHaveText(BIG_NAME);
    await expect(page.getByTestId('version-sha256-1')).toHaveText(bigSha256);
    await expect(page.getByTestId('version-row-1')).toHaveAttribute('data-status', 'available');
  });

  test('the item pages preview the PDF on a canvas and the PNG as an image', async () => {
    // pdf.js reports its problems on the console only; keep them for a failure's report.
    const consoleLines: string[] = [];
    const onConsole = (message: ConsoleMessage) => consoleLines.push(`${message.type()}: ${message.text()}`);
    page.on('console', onConsole);
    await page.goto(`/jits/${jit.id}/evidence`);
    await page.getByTestId(`evidence-row-${PDF_NAME}`).getByRole('link', { name: PDF_NAME }).click();
    await expect(page.getByTestId('evidence-title')).toHaveText(PDF_NAME);
    // 14:30 in Amsterdam on 1 March (CET, UTC+1) is 13:30 UTC.
    await expect(page.locator('time[datetime="2026-03-01T13:30:00.000Z"]')).toContainText('14:30');
    await page.getByTestId('version-row-1').getByRole('button', { name: 'Preview' }).click();
    const pdfPreview = page.getByTestId('version-preview');
    await expect(pdfPreview).toHaveAttribute('data-kind', 'pdf');
    await expect(pdfPreview.getByTestId('pdf-page-1'))
      .toBeVisible()
      .catch((error: Error) => {
        throw new Error(`${error.message}\n--- browser console ---\n${consoleLines.join('\n')}`);
      });
    page.off('console', onConsole);
    await expect(pdfPreview.getByText('1 page', { exact: true })).toBeVisible();
    await expect(pdfPreview.getByRole('img', { name: `Page 1 of ${PDF_NAME}` })).toBeVisible();
    await expectAccessible(page, 'an evidence item with its PDF preview');

    await page.getByRole('link', { name: 'Back to the evidence list' }).click();
    await page.getByTestId(`evidence-row-${PNG_NAME}`).getByRole('link', { name: PNG_NAME }).click();
    await expect(page.getByTestId('evidence-title')).toHaveText(PNG_NAME);
    await page.getByTestId('version-row-1').getByRole('button', { name: 'Preview' }).click();
    const imagePreview = page.getByTestId('version-preview');
    await expect(imagePreview).toHaveAttribute('data-kind', 'image');
    const image = imagePreview.getByRole('img', { name: `Version 1: ${PNG_NAME}` });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  });

  test('downloading the PDF gives back its exact bytes, and the item lists the member among its downloaders', async () => {
    await page.goto(`/jits/${jit.id}/evidence`);
    await page.getByTestId(`evidence-row-${PDF_NAME}`).getByRole('link', { name: PDF_NAME }).click();
    const downloads = page.getByTestId('downloads');
    await expect(downloads).toContainText('Nobody has downloaded this item yet.');

    const downloading = page.waitForEvent('download');
    await page.getByTestId('version-row-1').getByRole('link', { name: 'Download' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(PDF_NAME);
    const savedTo = join(tempDir, `downloaded-${PDF_NAME}`);
    await download.saveAs(savedTo);
    expect(sha256Hex(readFileSync(savedTo))).toBe(sha256Hex(PDF));

    const row = downloads.getByTestId(`download-row-${UPLOADER.displayName}`);
    await expect(row).toBeVisible();
    await expectAccessible(page, 'an evidence item listing its downloaders');
    await expect(row).toContainText('Netherlands');
    await expect(row.getByRole('cell').last()).toHaveText('1');
  });

  test('verifying the PDF finds it intact; its custody log holds the upload, viewing, download and verification', async () => {
    await expect(page.getByTestId('evidence-title')).toHaveText(PDF_NAME);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const result = page.getByTestId('verify-result');
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText('Every version is intact');
    await expect(result.getByTestId('verify-row-1')).toHaveAttribute('data-ok', 'true');
    await expect(result.getByTestId('verify-row-1')).toContainText(sha256Hex(PDF));

    const custody = page.getByTestId('custody-table');
    const rows = (action: string) => custody.locator(`[data-testid^="custody-row-"][data-action="${action}"]`);
    await expect(rows('evidence.verified')).toHaveCount(1);
    for (const [action, label] of [
      ['evidence.uploaded', 'Evidence uploaded'],
      ['evidence.viewed', 'Evidence viewed'],
      ['evidence.downloaded', 'Evidence downloaded'],
      ['evidence.verified', 'Integrity verified'],
    ] as const) {
      await expect(rows(action), action).toHaveCount(1);
      await expect(rows(action)).toContainText(label);
      await expect(rows(action)).toContainText(UPLOADER.displayName);
    }
    await expect(page.getByTestId('version-row-1')).toContainText('Verified');
  });
});
