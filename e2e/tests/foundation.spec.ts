import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  addMember,
  ADMIN,
  apiSession,
  createJitByApi,
  dayFromToday,
  e2eEnv,
  ensureAdministrator,
  expectNoPageErrors,
  field,
  fillDate,
  firstLogin,
  jitSection,
  login,
  openJitFromList,
  type Person,
  pickOption,
  selectOption,
  trackPageErrors,
} from './helpers';
import { expectAccessible } from './accessibility';

const NL_LEADER: Person = {
  email: 'lead.nl@jit-e2e.test',
  displayName: 'Anna de Vries',
  organisation: 'Openbaar Ministerie',
  country: 'NL',
  countryOption: 'Netherlands (NL)',
  timeZone: 'Europe/Amsterdam',
  initialPassword: 'initial-Leader-2026!',
  password: 'leader-Chosen-2026!',
};
const FR_INVESTIGATOR: Person = {
  email: 'enqueteur.fr@jit-e2e.test',
  displayName: 'Julien Martin',
  organisation: 'Police nationale',
  country: 'FR',
  countryOption: 'France (FR)',
  timeZone: 'Europe/Paris',
  initialPassword: 'initial-Investigator-2026!',
  password: 'investigator-Chosen-2026!',
};
const NL_LEGAL_ADVISER: Person = {
  email: 'legal.nl@jit-e2e.test',
  displayName: 'Pieter Bakker',
  organisation: 'Openbaar Ministerie',
  country: 'NL',
  countryOption: 'Netherlands (NL)',
  timeZone: 'Europe/Amsterdam',
  initialPassword: 'initial-Adviser-2026!',
  password: 'adviser-Chosen-2026!',
};

const JIT_REFERENCE = 'JIT-E2E-NL-FR-001';
const JIT_TITLE = 'Operation Tulip: cross-border drug trafficking';
const OTHER_JIT_REFERENCE = 'JIT-E2E-NL-BE-002';

test.describe('foundation: from setup to a verified record', () => {
  test.describe.configure({ mode: 'serial' });

  let adminPage: Page;
  let jitPath = '';

  test.beforeAll(async ({ browser }) => {
    adminPage = trackPageErrors(await (await browser.newContext()).newPage());
  });

  test.afterEach(() => expectNoPageErrors());

  test.afterAll(async () => {
    await adminPage.context().close();
  });

  test('the administrator sets the workspace up with the token from the server console', async () => {
    const page = adminPage;
    await page.goto('/');
    await expect(page).toHaveURL(/\/setup$/);
    await expectAccessible(page, 'the first-run set-up');
    await field(page, 'Setup token').fill(e2eEnv().setupToken);
    await field(page, 'Email').fill(ADMIN.email);
    await field(page, 'Display name').fill(ADMIN.displayName);
    await field(page, 'Password').fill(ADMIN.password);
    await field(page, 'Confirm password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();

    await expect(page).toHaveURL(/\/jits$/);
    await expect(page.getByTestId('current-user')).toHaveText(ADMIN.displayName);
    await expect(page.getByRole('link', { name: 'Administration' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'All JITs' })).toBeVisible();
    await expectAccessible(page, 'the administrator’s list of JITs');
  });

  test('the administrator creates the accounts of a NL leader, a FR investigator and a NL legal adviser', async () => {
    const page = adminPage;
    await page.getByRole('link', { name: 'Administration' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);

    for (const person of [NL_LEADER, FR_INVESTIGATOR, NL_LEGAL_ADVISER]) {
      await field(page, 'Email').fill(person.email);
      await field(page, 'Display name').fill(person.displayName);
      await field(page, 'Organisation').fill(person.organisation);
      await selectOption(page, page, 'Country', person.countryOption, person.countryOption.slice(0, 5));
      await selectOption(page, page, 'Language', 'English');
      await selectOption(page, page, 'Time zone', person.timeZone, person.timeZone);
      await field(page, 'Initial password').fill(person.initialPassword);
      await page.getByRole('button', { name: 'Create account' }).click();

      await expect(page.getByText(`The account ${person.email} has been created.`)).toBeVisible();
      const row = page.getByTestId(`user-row-${person.email}`);
      await expect(row).toContainText(person.displayName);
      await expect(row).toContainText('Must change password');
      // The form is emptied for the next account.
      await expect(field(page, 'Email')).toHaveValue('');
    }
    await expectAccessible(page, 'the accounts of the platform (administration)');
  });

  test('the administrator creates a JIT between NL (lead) and FR with a participant', async () => {
    const page = adminPage;
    await page.getByRole('link', { name: 'My JITs' }).click();
    await page.getByRole('link', { name: 'Create JIT' }).click();
    await expect(page).toHaveURL(/\/jits\/new$/);
    await expectAccessible(page, 'the form creating a JIT');

    await field(page, 'Reference').fill(JIT_REFERENCE);
    await field(page, 'Title').fill(JIT_TITLE);
    await field(page, 'Purpose').fill('Dismantle the network shipping cocaine through Rotterdam to Lyon.');
    await field(page, 'Legal basis').fill('Article 13 of the 2000 EU MLA Convention; Framework Decision 2002/465/JHA.');
    await fillDate(page, 'Start date', dayFromToday(-7));
    await fillDate(page, 'End date', dayFromToday(365));
    await expect(field(page, 'Working language')).toHaveValue('English (en)');

    const states = field(page, 'States of operation');
    await pickOption(page, states, 'Netherlands (NL)', 'Netherl');
    await pickOption(page, states, 'France (FR)', 'France');
    await page.keyboard.press('Escape');

    await selectOption(page, page, 'Country of party 1', 'Netherlands (NL)', 'Netherl');
    await field(page, 'Name of party 1').fill('Netherlands');
    await field(page, 'Competent authority of party 1').fill('Public Prosecution Service');
    await selectOption(page, page, 'Country of party 2', 'France (FR)', 'France');
    await field(page, 'Name of party 2').fill('France');
    await field(page, 'Competent authority of party 2').fill('Parquet national');

    await page.getByRole('button', { name: 'Add party' }).click();
    await selectOption(page, page, 'Kind of party 3', 'Participant');
    await field(page, 'Name of party 3').fill('Eurojust');
    await field(page, 'Competent authority of party 3').fill('Eurojust College');

    await selectOption(page, page, 'Lead party', 'Netherlands (NL)');
    await page.getByRole('button', { name: 'Create JIT', exact: true }).click();

    await expect(page).toHaveURL((url) => /^\/jits\/[^/]+$/.test(url.pathname) && url.pathname !== '/jits/new');
    jitPath = new URL(page.url()).pathname;
    await expect(page.getByTestId('jit-status')).toHaveAttribute('data-status', 'draft');
    await expect(page.getByRole('heading', { name: JIT_TITLE })).toBeVisible();
    await expectAccessible(page, 'a draft JIT’s overview');
    await expect(page.getByText(JIT_REFERENCE, { exact: true })).toBeVisible();
  });

  test('the administrator appoints the NL leader in the members page', async () => {
    const page = adminPage;
    await page.goto(jitPath);
    await jitSection(page, 'Members').click();
    await expect(page).toHaveURL(new RegExp(`${jitPath}/members$`));
    await expectAccessible(page, 'the members of a JIT');

    await addMember(page, NL_LEADER, 'Netherlands', 'Leader');
    await expect(page.getByTestId(`member-row-${NL_LEADER.email}`)).toContainText(NL_LEADER.organisation);
  });

  test('the NL leader changes the initial password, adds the legal adviser and the FR investigator, and amends the title', async ({ browser }) => {
    const { context, page } = await firstLogin(browser, NL_LEADER);
    try {
      await openJitFromList(page, JIT_REFERENCE);
      await jitSection(page, 'Members').click();

      // The leader of the lead party may add people to any party.
      await addMember(page, NL_LEGAL_ADVISER, 'Netherlands', 'Legal adviser');
      await addMember(page, FR_INVESTIGATOR, 'France', 'Member');

      await expect(page.getByTestId(`member-row-${NL_LEADER.email}`)).toHaveAttribute('data-active', 'true');
      await expect(page.getByTestId(/^member-row-/)).toHaveCount(3);

      // As the lead party's leader, they correct the agreement's title.
      await jitSection(page, 'Overview').click();
      await page.getByRole('button', { name: 'Edit agreement' }).click();
      await expectAccessible(page, 'the form amending a draft JIT’s agreement');
      await field(page, 'Title').fill(`${JIT_TITLE} (amended)`);
      await page.getByRole('button', { name: 'Save agreement' }).click();
      await expect(page.getByRole('heading', { name: `${JIT_TITLE} (amended)` })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('the FR investigator sees only this JIT in "My JITs"', async ({ browser }) => {
    // A second JIT, between parties the investigator does not belong to.
    let api: APIRequestContext | undefined;
    let otherJitId = '';
    try {
      api = await apiSession(ADMIN.email, ADMIN.password);
      ({ id: otherJitId } = await createJitByApi(api, {
        reference: OTHER_JIT_REFERENCE,
        title: 'Operation Polder: money laundering',
        purpose: 'Trace the proceeds of the Tulip network through Antwerp.',
        legalBasis: 'Article 13 of the 2000 EU MLA Convention.',
        startDate: dayFromToday(-1),
        endDate: dayFromToday(200),
        workingLanguage: 'nl',
        statesOfOperation: ['NL', 'BE'],
        parties: [
          { kind: 'party', country: 'NL', name: 'Netherlands', authority: 'Public Prosecution Service' },
          { kind: 'party', country: 'BE', name: 'Belgium', authority: 'Federal Prosecutor' },
        ],
        leadPartyCountry: 'NL',
      }));
    } finally {
      await api?.dispose();
    }

    const { context, page } = await firstLogin(browser, FR_INVESTIGATOR);
    try {
      await expect(page.getByRole('heading', { name: 'My JITs' })).toBeVisible();
      const table = page.getByRole('table');
      await expect(table.getByRole('link', { name: JIT_REFERENCE, exact: true })).toBeVisible();
      await expect(table.getByRole('row')).toHaveCount(2); // the header and this JIT
      await expect(table.getByRole('link', { name: OTHER_JIT_REFERENCE })).toHaveCount(0);
      await expect(table).toContainText('Member');
      await expectAccessible(page, 'an investigator’s list of JITs');

      await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);

      // Nor can the other JIT be opened by its address.
      await page.goto(`/jits/${otherJitId}`);
      await expect(page.getByText('This could not be found. It may not exist, or you may not have access to it.')).toBeVisible();
      await expect(page.getByText(OTHER_JIT_REFERENCE)).toHaveCount(0);
      await expectAccessible(page, 'a JIT that cannot be found');
    } finally {
      await context.close();
    }
  });

  test('the legal adviser verifies the record: intact, with a 64-hex head hash', async ({ browser }) => {
    const { context, page } = await firstLogin(browser, NL_LEGAL_ADVISER);
    try {
      await openJitFromList(page, JIT_REFERENCE);
      await jitSection(page, 'Record').click();
      await expect(page).toHaveURL(/\/record$/);
      await expectAccessible(page, 'the record of a JIT');

      // The legal adviser reads the whole record, the members added by the leader included.
      await expect(page.locator('[data-testid^="audit-row-"][data-action="jit.created"]')).toHaveCount(1);
      await expect(page.locator('[data-testid^="audit-row-"][data-action="member.added"]')).toHaveCount(3);
      const retitled = page.locator('[data-testid^="audit-row-"][data-action="jit.updated"]');
      await expect(retitled).toHaveCount(1);
      await expect(retitled).toContainText(`${JIT_TITLE} (amended)`);
      await expect(retitled).toContainText(NL_LEADER.displayName);
      // Ids in the record read as names: the person added appears by name.
      await expect(page.locator('[data-testid^="audit-row-"][data-action="member.added"]').last()).toContainText(FR_INVESTIGATOR.displayName);

      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      const result = page.getByTestId('verify-result');
      await expect(result).toHaveAttribute('data-ok', 'true');
      await expect(result.getByTestId('first-broken-seq')).toHaveCount(0);
      await expect(result.getByTestId('head-block').getByTestId('head-hash')).toHaveText(/^[0-9a-f]{64}$/);
      await expect(result.getByTestId('head-block').getByTestId('head-seq')).toHaveText(/^[1-9]\d*$/);
      await expectAccessible(page, 'the record with its verification');
      await expect(result.getByRole('button', { name: 'Copy head' })).toBeVisible();
    } finally {
      await context.close();
    }
  });
});

test.describe('interface language', () => {
  test.afterEach(() => expectNoPageErrors());

  test('the top bar switches the interface to French, then Spanish', async ({ page }) => {
    trackPageErrors(page);
    await ensureAdministrator();
    const languageSelect = page.getByRole('banner').getByRole('combobox');

    // Before login: the login screen follows the choice.
    await page.goto('/login');
    await expect(languageSelect).toHaveAccessibleName('Interface language');
    await languageSelect.selectOption({ label: 'Français' });
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
    await expectAccessible(page, 'the sign-in page in French');
    await expect(field(page, 'Mot de passe')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    await expect(languageSelect).toHaveAccessibleName("Langue de l'interface");
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    await languageSelect.selectOption({ label: 'Español' });
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    await expect(field(page, 'Contraseña')).toBeVisible();
    await expect(languageSelect).toHaveAccessibleName('Idioma de la interfaz');

    // After login the account's language (English) wins; the top bar switches it again.
    await languageSelect.selectOption({ label: 'English' });
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page.getByRole('link', { name: 'My JITs' })).toBeVisible();

    await languageSelect.selectOption({ label: 'Français' });
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Mes ECE' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Compte' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Toutes les ECE' })).toBeVisible();
    await expectAccessible(page, 'the list of JITs in French');

    await languageSelect.selectOption({ label: 'Español' });
    await expect(nav.getByRole('link', { name: 'Mis ECI' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Cuenta' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Administración' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();

    // The choice is saved to the account: it survives a reload.
    await page.reload();
    await expect(nav.getByRole('link', { name: 'Mis ECI' })).toBeVisible();

    // Leave the administrator's account in English.
    await languageSelect.selectOption({ label: 'English' });
    await expect(nav.getByRole('link', { name: 'My JITs' })).toBeVisible();
    await page.reload();
    await expect(nav.getByRole('link', { name: 'My JITs' })).toBeVisible();
  });
});
