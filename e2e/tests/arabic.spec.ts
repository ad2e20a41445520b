import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Jit } from '@jit/shared';
import { expectNoPageErrors, memberOfNewTeam, field, minimalPdf, selectOption, sha256Hex, type Person } from './helpers';
import { expectAccessible } from './accessibility';

/**
 * The whole interface in Arabic, laid out right to left: an investigator of the Syrian-case JIT
 * whose account is in Arabic signs in, opens the JIT and uploads a statement. Labels are read from
 * the Arabic translation itself, so the journey follows the file rather than a copy of it.
 */
type Tree = { [key: string]: string | Tree };
const AR = JSON.parse(readFileSync(join(__dirname, '../../client/src/locales/ar.json'), 'utf8')) as Tree;
function ar(path: string, values: Record<string, string> = {}): string {
  const text = path.split('.').reduce<string | Tree>((node, key) => (typeof node === 'object' ? node[key] : node), AR);
  if (typeof text !== 'string') throw new Error(`No Arabic text for ${path}`);
  return text.replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
}

const LEADER: Person = {
  email: 'lead.de@jit-e2e-arabic.test',
  displayName: 'Katrin Hoffmann',
  organisation: 'Generalbundesanwalt',
  country: 'DE',
  countryOption: 'Germany (DE)',
  timeZone: 'Europe/Berlin',
  initialPassword: 'initial-Lead-2026!',
  password: 'lead-Chosen-2026!',
};
const INVESTIGATOR: Person = {
  email: 'analyst.se@jit-e2e-arabic.test',
  displayName: 'Layla Haddad',
  organisation: 'Polismyndigheten',
  country: 'SE',
  countryOption: 'Sweden (SE)',
  timeZone: 'Europe/Stockholm',
  initialPassword: 'initial-Analyst-2026!',
  password: 'analyst-Chosen-2026!',
  language: 'ar',
};
const REFERENCE = 'JIT-E2E-AR-DE-SE-007';
const FILE_NAME = 'witness-statement-aleppo.pdf';
const PDF = minimalPdf('Statement of a witness from Aleppo');

test.describe('Arabic: the interface right to left', () => {
  test.describe.configure({ mode: 'serial' });
  let context: BrowserContext;
  let page: Page;
  let jit: Jit;

  test.beforeAll(async ({ browser }) => {
    ({ jit, context, page } = await memberOfNewTeam(
      browser,
      {
        reference: REFERENCE,
        title: 'Crimes against detainees in Syria',
        purpose: 'Identify those responsible for torture in detention facilities.',
        lead: { country: 'DE', name: 'Germany', authority: 'Generalbundesanwalt' },
        other: { country: 'SE', name: 'Sweden', authority: 'Swedish Prosecution Authority' },
      },
      LEADER,
      INVESTIGATOR,
      { locale: 'ar-SY' },
    ));
  });

  test.afterEach(() => expectNoPageErrors());
  test.afterAll(async () => context?.close());

  test('signs in, opens the JIT and uploads a file, the layout mirrored', async () => {
    // Before sign-in the browser's language is all there is: the sign-in page is already Arabic.
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('heading', { name: ar('auth.loginTitle') })).toBeVisible();
    await expectAccessible(page, 'the sign-in page in Arabic');
    await field(page, ar('fields.email')).fill(INVESTIGATOR.email);
    await field(page, ar('fields.password')).fill(INVESTIGATOR.password);
    await page.getByRole('button', { name: ar('auth.login'), exact: true }).click();
    await expect(page).toHaveURL(/\/jits$/);
    await expect(page.getByRole('heading', { name: ar('jits.myTitle') })).toBeVisible();

    // Mirrored: the signed-in person's name, at the end of the top bar, stands at its left in Arabic.
    const width = page.viewportSize()?.width ?? 1280;
    const brand = await page.getByTestId('current-user').boundingBox();
    expect(brand, 'the signed-in name is shown').not.toBeNull();
    expect(brand!.x + brand!.width / 2, 'the account menu sits at the left end in Arabic').toBeLessThan(width / 2);

    await page.getByRole('link', { name: REFERENCE, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}$`));
    const sections = page.getByRole('navigation', { name: ar('jits.sections') });
    await expect(sections).toBeVisible();
    await expectAccessible(page, 'a JIT overview in Arabic');
    await sections.getByRole('link', { name: ar('jits.tabs.evidence'), exact: true }).click();
    await page.getByRole('link', { name: ar('evidence.list.upload') }).click();
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/evidence/new$`));

    await page.getByLabel(ar('evidence.upload.filesLabel')).setInputFiles([{ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF }]);
    const row = page.getByTestId(`upload-row-${FILE_NAME}`);
    await expect(row).toBeVisible();
    await selectOption(page, row, ar('evidence.fields.handlingCode'), ar('handlingCodes.evidential_use_in_jit'));
    await field(row, ar('evidence.fields.collectedBy')).fill('Layla Haddad');
    await row.getByRole('button', { name: ar('common.save'), exact: true }).click();

    const progress = page.getByRole('progressbar', { name: ar('evidence.upload.progressOf', { name: FILE_NAME }), exact: true });
    await expect(progress).toHaveAttribute('aria-valuenow', '100');
    await expect(row.getByTestId('saved-status')).toHaveAttribute('data-status', 'available');
    // Hashes and percentages keep Latin digits in an Arabic sentence.
    await expect(row.getByTestId('upload-sha256')).toHaveText(sha256Hex(PDF));
    await expect(progress).toHaveText('100%');
    await expectAccessible(page, 'the upload screen in Arabic');

    // The screen's title, first in reading order, starts at the right.
    const heading = await page.getByRole('heading', { name: ar('evidence.upload.title') }).boundingBox();
    expect(heading, 'the upload screen has its title').not.toBeNull();
    expect(heading!.x, 'the title sits in the right half in Arabic').toBeGreaterThan(width / 2);
    // The picture of the mirrored screen, kept with the test's output.
    const testInfo = test.info();
    const screenshot = testInfo.outputPath('arabic-upload-mirrored.png');
    await page.screenshot({ path: screenshot });
    await testInfo.attach('arabic-upload-mirrored', { path: screenshot, contentType: 'image/png' });
  });
});
