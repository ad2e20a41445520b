import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { Secret, TOTP } from 'otpauth';
import type { TotpEnrolment } from '@jit/shared';
import { asPerson, changeInitialPasswordByApi, expectNoPageErrors, field, login, setUpTeamByApi, trackPageErrors, type Person } from './helpers';
import { expectAccessible } from './accessibility';
import type { E2eState } from '../server-process';

/**
 * A stolen password no longer opens the workspace: an investigator sets up an authenticator app
 * (QR code and typed key), keeps the recovery codes, signs in with a code, and confirms it is them
 * before making an API token; a leader requires a second factor for the JIT, and a member without
 * one is asked to set one up and cannot open the JIT until they do. This test plays the phone's
 * authenticator app with the key the screen shows.
 */

const LEADER: Person = {
  email: 'lead.ee@jit-e2e-factor.test',
  displayName: 'Kadri Tamm',
  organisation: 'Prokuratuur',
  country: 'EE',
  countryOption: 'Estonia (EE)',
  timeZone: 'Europe/Tallinn',
  initialPassword: 'initial-Lead-2026!',
  password: 'lead-Chosen-2026!',
};
const INVESTIGATOR: Person = {
  email: 'officer.lv@jit-e2e-factor.test',
  displayName: 'Jānis Bērziņš',
  organisation: 'Valsts policija',
  country: 'LV',
  countryOption: 'Latvia (LV)',
  timeZone: 'Europe/Riga',
  initialPassword: 'initial-Officer-2026!',
  password: 'officer-Chosen-2026!',
};
const NEWCOMER: Person = {
  ...INVESTIGATOR,
  email: 'analyst.lv@jit-e2e-factor.test',
  displayName: 'Līga Ozola',
  initialPassword: 'initial-Analyst-2026!',
  password: 'analyst-Chosen-2026!',
};
const TERMS = {
  reference: 'JIT-E2E-FACTOR-EE-LV-012',
  title: 'Filtration camps on the eastern front',
  purpose: 'Identify the camps, those held in them and those who ran them.',
  lead: { country: 'EE', name: 'Estonia', authority: 'Office of the Prosecutor General' },
  other: { country: 'LV', name: 'Latvia', authority: 'Prosecutor General’s Office' },
};

/** The authenticator app: the code for a key at a moment (30-second steps, as every app counts). */
const codeAt = (key: string, offsetSteps = 0): string =>
  new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, '')), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

/** Makes a person's sessions look an hour old for the step up, as an hour of work would (straight in the server's database). */
function ageSessionProof(email: string): void {
  const state = JSON.parse(readFileSync(process.env.E2E_STATE_FILE ?? '', 'utf8')) as E2eState;
  const database = new Database(join(state.dataDir, 'jit-workspace.sqlite'));
  try {
    database.pragma('busy_timeout = 5000');
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
    database.prepare('UPDATE sessions SET verifiedAt = ? WHERE userId = (SELECT id FROM users WHERE email = ?)').run(anHourAgo, email);
  } finally {
    database.close();
  }
}

test.describe('the second factor', () => {
  test.describe.configure({ mode: 'serial' });
  let context: BrowserContext;
  let page: Page;
  let key = '';
  let recoveryCodes: string[] = [];

  test.beforeAll(async ({ browser }) => {
    await setUpTeamByApi(TERMS, LEADER, [
      { person: INVESTIGATOR, partyName: TERMS.other.name, role: 'member' },
      { person: NEWCOMER, partyName: TERMS.other.name, role: 'member' },
    ]);
    await changeInitialPasswordByApi(INVESTIGATOR);
    await changeInitialPasswordByApi(NEWCOMER);
    context = await browser.newContext();
    page = trackPageErrors(await context.newPage());
  });
  test.afterAll(async () => {
    await context?.close();
    expectNoPageErrors();
  });

  test('an investigator sets up an authenticator app and keeps the recovery codes', async () => {
    await login(page, INVESTIGATOR.email, INVESTIGATOR.password);
    await expect(page).toHaveURL(/\/jits$/);
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Second factor' });
    await expect(panel.getByText('You have no second factor yet')).toBeVisible();
    await panel.getByRole('button', { name: 'Set up an authenticator app' }).click();

    await expect(panel.getByRole('img', { name: /^QR code for your authenticator app/ })).toBeVisible();
    key = (await panel.getByTestId('totp-secret').textContent()) ?? '';
    expect(key.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, 'account: enrolling an authenticator app');

    await field(panel, 'Name of the device').fill('Service phone');
    await field(panel, '3. The code the app shows now').fill('000000');
    await panel.getByRole('button', { name: 'Confirm and turn on' }).click();
    await expect(panel.getByRole('alert')).toContainText('This code is not right');
    await field(panel, '3. The code the app shows now').fill(codeAt(key));
    await panel.getByRole('button', { name: 'Confirm and turn on' }).click();

    const shown = page.getByTestId('recovery-codes');
    await expect(shown.getByRole('listitem')).toHaveCount(10);
    recoveryCodes = (await shown.getByRole('listitem').allTextContents()).map((code) => code.trim());
    await expectAccessible(page, 'account: recovery codes shown once');
    await shown.getByRole('button', { name: 'I have kept them safe' }).click();
    await expect(shown).toHaveCount(0);
    await expect(page.getByTestId('second-factors').getByText('Service phone')).toBeVisible();
    await expect(page.getByTestId('recovery-codes-left')).toHaveText('10 recovery codes left');
  });

  test('the password alone no longer signs in: the code from the app does', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await login(page, INVESTIGATOR.email, INVESTIGATOR.password);
    await expect(page).toHaveURL(/\/sign-in\/code$/);
    await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'My JITs' })).toHaveCount(0);
    await expectAccessible(page, 'sign-in: the second factor');

    // By keyboard: type the code, Enter.
    const code = field(page, 'Code from your authenticator app, or a recovery code');
    await code.fill('123456');
    await code.press('Enter');
    await expect(page.getByRole('alert')).toContainText('This code is not right, or was already used');
    // The enrolment used this step's code: the app's next one.
    await code.fill(codeAt(key, 1));
    await code.press('Enter');
    await expect(page).toHaveURL(/\/jits$/);
    await expect(page.getByTestId('current-user')).toHaveText(INVESTIGATOR.displayName);
  });

  test('a sensitive action asks again once the last proof is old; a recovery code answers', async () => {
    ageSessionProof(INVESTIGATOR.email);
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await field(page, 'Token name').fill('Forensic workstation');
    await page.getByRole('button', { name: 'Create token' }).click();

    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    await expect(dialog).toBeVisible();
    await expect(field(dialog, 'Code from your authenticator app, or a recovery code')).toBeFocused();
    await expectAccessible(page, 'step up: confirm it is you');
    await page.keyboard.type(recoveryCodes[0].toUpperCase());
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    // The action goes on by itself once confirmed.
    await expect(page.getByTestId('created-token')).toBeVisible();
    await expect(page.getByTestId('recovery-codes-left')).toHaveText('9 recovery codes left');

    // Where the investigator is signed in: this browser, marked as such.
    const sessions = page.getByRole('region', { name: 'Where you are signed in' });
    await expect(sessions.getByRole('row').filter({ hasText: 'This browser' })).toHaveCount(1);
    await expectAccessible(page, 'account: where you are signed in');
  });

  test('a leader requires a second factor for the JIT; a member without one is asked, and kept out until they set one up', async ({ browser }) => {
    // The leader sets up an app through the API (the first test showed how), then signs in with it.
    let leaderKey = '';
    await asPerson(LEADER, async (api) => {
      const enrolment = (await (await api.post('/api/auth/factors/totp')).json()) as TotpEnrolment;
      leaderKey = enrolment.secret;
      const confirmed = await api.post(`/api/auth/factors/totp/${enrolment.factorId}/confirm`, { data: { code: codeAt(leaderKey), label: 'Phone' } });
      expect(confirmed.status()).toBe(200);
    });
    const leaderContext = await browser.newContext();
    const leaderPage = trackPageErrors(await leaderContext.newPage());
    await login(leaderPage, LEADER.email, LEADER.password);
    await field(leaderPage, 'Code from your authenticator app, or a recovery code').fill(codeAt(leaderKey, 1));
    await leaderPage.getByRole('button', { name: 'Continue' }).click();
    await expect(leaderPage).toHaveURL(/\/jits$/);
    await leaderPage.getByRole('link', { name: TERMS.reference }).click();
    const requirement = leaderPage.getByRole('switch', { name: 'Require a second factor to open this JIT' });
    await requirement.click();
    await expect(requirement).toBeChecked();
    await expectAccessible(leaderPage, 'JIT overview: the second factor requirement');
    await leaderContext.close();

    // A member without a second factor signs in: asked to set one up, and kept out of the JIT until they do.
    const newcomerContext = await browser.newContext();
    const newcomerPage = trackPageErrors(await newcomerContext.newPage());
    await login(newcomerPage, NEWCOMER.email, NEWCOMER.password);
    await expect(newcomerPage).toHaveURL(/\/sign-in\/second-factor$/);
    await expect(newcomerPage.getByText('A JIT you belong to requires a second factor.')).toBeVisible();
    await expectAccessible(newcomerPage, 'sign-in: a JIT asks for a second factor');
    await newcomerPage.getByRole('button', { name: 'Not now' }).click();
    await expect(newcomerPage).toHaveURL(/\/jits$/);
    await newcomerPage.getByRole('link', { name: TERMS.reference }).click();
    await expect(newcomerPage.getByRole('alert')).toContainText('This JIT requires a second factor.');
    await newcomerContext.close();
  });
});
