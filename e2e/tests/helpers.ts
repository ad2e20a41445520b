import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { expect, request, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page, type Route } from '@playwright/test';
import type { CreateJitRequest, CreateNoteRequest, Jit, JitRole, Language, Me, Member, Note, SetupStatus, UserAccount } from '@jit/shared';

/** Published by global-setup.ts; the workers inherit it. */
export function e2eEnv(): { baseURL: string; setupToken: string } {
  const baseURL = process.env.E2E_BASE_URL;
  const setupToken = process.env.E2E_SETUP_TOKEN;
  if (!baseURL || !setupToken) throw new Error('E2E_BASE_URL / E2E_SETUP_TOKEN are not set: run through playwright.config.ts (global-setup).');
  return { baseURL, setupToken };
}

export interface Person {
  email: string;
  displayName: string;
  organisation: string;
  /** ISO 3166-1 alpha-2, as the server stores it. */
  country: string;
  /** Visible option of the country selects in English, e.g. "Netherlands (NL)". */
  countryOption: string;
  timeZone: string;
  initialPassword: string;
  password: string;
  /** The interface language of the account; English unless a journey says otherwise. */
  language?: Language;
}

export const ADMIN = {
  email: 'admin@jit-e2e.test',
  displayName: 'Platform Administrator',
  password: 'admin-Passw0rd-e2e!',
};

// ---- uncaught errors in the page ----------------------------------------------------------------

const pageErrors: string[] = [];

/** Records uncaught exceptions of a page: a crashed React tree shows a blank page, not a failed click. */
export function trackPageErrors(page: Page): Page {
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** For afterEach: fails the test that let an exception through, and starts the next one clean. */
export function expectNoPageErrors(): void {
  const errors = pageErrors.splice(0);
  expect(errors, 'uncaught exceptions in the browser').toEqual([]);
}

// ---- form controls -------------------------------------------------------------------------------

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An input by its whole visible label; Mantine appends " *" to the label of a required field. */
export const field = (scope: Page | Locator, label: string): Locator =>
  scope
    .getByLabel(new RegExp(`^${escapeRegExp(label)}\\s*\\*?$`))
    // Mantine labels a Select's listbox with the same label as its input.
    .and(scope.locator('input:not([type="hidden"]), textarea, select'));

/**
 * Picks an option of a Mantine Select or MultiSelect: the input opens a dropdown (rendered in a
 * portal, hence searched on the page), searchable ones are typed into first to narrow the list.
 */
export async function pickOption(page: Page, input: Locator, option: string, search?: string): Promise<void> {
  await input.click();
  if (search !== undefined) await input.fill(search);
  // The open dropdown is the listbox the input controls (a native <select> also has "option"s).
  const listboxId = await input.getAttribute('aria-controls');
  const listbox = listboxId ? page.locator(`[id="${listboxId}"]`) : page.locator('[role="listbox"]:visible');
  await listbox.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Types a date (`YYYY-MM-DD`, which the date fields understand in every language) and leaves the
 * field with Tab, as a person does, which closes its calendar; the field then shows the date in
 * the browser's way of writing it (en-GB here: DD/MM/YYYY).
 */
export async function fillDate(scope: Page | Locator, label: string, isoDate: string): Promise<void> {
  const input = field(scope, label);
  await input.fill(isoDate);
  await input.press('Tab');
  const [year, month, day] = isoDate.split('-');
  await expect(input).toHaveValue(`${day}/${month}/${year}`);
}

/** Picks an option of a (single) Mantine Select and checks the input now shows it. */
export async function selectOption(page: Page, scope: Page | Locator, label: string, option: string, search?: string): Promise<void> {
  const input = field(scope, label);
  await pickOption(page, input, option, search);
  await expect(input).toHaveValue(option);
}

// ---- sessions in the browser --------------------------------------------------------------------

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** The forced change after a first login with the initial password the administrator set. */
export async function changeForcedPassword(page: Page, currentPassword: string, newPassword: string): Promise<void> {
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByText('You must choose a new password before you continue.')).toBeVisible();
  // The navigation stays hidden until the password is changed.
  await expect(page.getByRole('link', { name: 'My JITs' })).toHaveCount(0);
  await field(page, 'Current password').fill(currentPassword);
  await field(page, 'New password').fill(newPassword);
  await field(page, 'Confirm new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password', exact: true }).click();
  await expect(page).toHaveURL(/\/jits$/);
}

/** One person signed in, in a browser context of their own. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
}

/** How a person's browser opens: the size of its screen, and what to watch on its page before anyone signs in. */
export interface BrowserSetUp {
  viewport?: { width: number; height: number };
  /** Called with the new page before the sign-in, to observe it from its first request on (its socket frames …). */
  watch?: (page: Page) => void;
}

/** A browser context of its own (no cookie shared with anyone else) and its page, whose uncaught errors are tracked. */
async function openBrowser(browser: Browser, setUp: BrowserSetUp): Promise<BrowserSession> {
  const context = await browser.newContext(setUp.viewport ? { viewport: setUp.viewport } : {});
  const page = trackPageErrors(await context.newPage());
  setUp.watch?.(page);
  return { context, page };
}

/**
 * A person's first visit, in a browser context of their own: logs in with the initial password, is
 * sent to the password change, lands on "My JITs".
 */
export async function firstLogin(browser: Browser, person: Person, setUp: BrowserSetUp = {}): Promise<BrowserSession> {
  const { context, page } = await openBrowser(browser, setUp);
  await login(page, person.email, person.initialPassword);
  await changeForcedPassword(page, person.initialPassword, person.password);
  await expect(page.getByTestId('current-user')).toHaveText(person.displayName);
  await expect(page.getByRole('link', { name: 'My JITs' })).toBeVisible();
  return { context, page };
}

/** Marks the open document, so a later `sameDocument` tells a live update from a reload. */
export const markDocument = (page: Page): Promise<boolean> => page.evaluate(() => (window.__sameDocument = true));
/** True while the page is still the document `markDocument` marked (no reload happened). */
export const sameDocument = (page: Page): Promise<boolean | undefined> => page.evaluate(() => window.__sameDocument);

/** Signs in a person whose password is already set, in a fresh browser context of their own. */
export async function signedIn(browser: Browser, person: Person, setUp: BrowserSetUp = {}): Promise<BrowserSession> {
  const { context, page } = await openBrowser(browser, setUp);
  await login(page, person.email, person.password);
  await expect(page).toHaveURL(/\/jits$/);
  return { context, page };
}

/** Opens a JIT from "My JITs" by clicking its reference. */
export async function openJitFromList(page: Page, reference: string): Promise<void> {
  await page.getByRole('link', { name: 'My JITs' }).click();
  await page.getByRole('link', { name: reference, exact: true }).click();
  await expect(page).toHaveURL(/\/jits\/[^/]+$/);
}

/** Finds an account by email in the members page, then places it in a party with a role. */
export async function addMember(page: Page, member: { email: string; displayName: string }, party: string, role: string): Promise<void> {
  await field(page, 'Email of the person to add').fill(member.email);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const result = page.getByTestId('lookup-result');
  await expect(result).toContainText(member.email);
  await selectOption(page, result, 'Party', party);
  await selectOption(page, result, 'Role', role);
  await result.getByRole('button', { name: 'Add member', exact: true }).click();
  await expect(page.getByText(`${member.displayName} has been added.`)).toBeVisible();
  const row = page.getByTestId(`member-row-${member.email}`);
  await expect(row).toHaveAttribute('data-active', 'true');
}

// ---- the API, for arrangements that are not what a journey is about -------------------------------

/** An API session: logs in and echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on every request. */
export async function apiSession(email: string, password: string): Promise<APIRequestContext> {
  const { baseURL } = e2eEnv();
  const anonymous = await request.newContext({ baseURL });
  const response = await anonymous.post('/api/auth/login', { data: { email, password } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  const state = await anonymous.storageState();
  await anonymous.dispose();
  const xsrf = state.cookies.find((cookie) => cookie.name === 'XSRF-TOKEN');
  if (!xsrf) throw new Error('The login answer set no XSRF-TOKEN cookie');
  return request.newContext({ baseURL, storageState: state, extraHTTPHeaders: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf.value) } });
}

export async function createJitByApi(api: APIRequestContext, body: CreateJitRequest): Promise<Jit> {
  const response = await api.post('/api/jits', { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Jit;
}

/** The administrator creates an account (the person must still change the initial password). */
export async function createAccountByApi(adminApi: APIRequestContext, person: Person): Promise<UserAccount> {
  const response = await adminApi.post('/api/users', {
    data: {
      email: person.email,
      displayName: person.displayName,
      organisation: person.organisation,
      country: person.country,
      language: person.language ?? 'en',
      timeZone: person.timeZone,
      initialPassword: person.initialPassword,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as UserAccount;
}

/** A person's forced first password change, done through the API (for people who are not the subject of a journey). */
export async function changeInitialPasswordByApi(person: Person): Promise<void> {
  const api = await apiSession(person.email, person.initialPassword);
  try {
    const response = await api.post('/api/auth/password', { data: { currentPassword: person.initialPassword, newPassword: person.password } });
    expect(response.status(), await response.text()).toBeLessThan(300);
  } finally {
    await api.dispose();
  }
}

/** Places an account in the party of a JIT (found by its name) with a role. */
export async function addMemberByApi(api: APIRequestContext, jit: Jit, userId: string, partyName: string, role: JitRole): Promise<Member> {
  const party = jit.parties.find((p) => p.name === partyName);
  if (!party) throw new Error(`The JIT ${jit.reference} has no party named ${partyName}`);
  const response = await api.post(`/api/jits/${jit.id}/members`, { data: { userId, partyId: party.id, role } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Member;
}

/** Writes a note in a JIT (the caller needs notes.write there). */
export async function createNoteByApi(api: APIRequestContext, jit: Pick<Jit, 'id'>, body: CreateNoteRequest): Promise<Note> {
  const response = await api.post(`/api/jits/${jit.id}/notes`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Note;
}

/** Makes sure the platform administrator exists (when a test runs on its own, before the journey). */
export async function ensureAdministrator(): Promise<void> {
  const { baseURL, setupToken } = e2eEnv();
  const api = await request.newContext({ baseURL });
  try {
    const status = (await (await api.get('/api/setup')).json()) as SetupStatus;
    if (!status.needsSetup) return;
    const response = await api.post('/api/setup', {
      data: { setupToken, email: ADMIN.email, password: ADMIN.password, displayName: ADMIN.displayName },
    });
    expect(response.status(), await response.text()).toBeLessThan(300);
    expect(((await response.json()) as Me).isPlatformAdmin).toBe(true);
  } finally {
    await api.dispose();
  }
}

// ---- dates ----------------------------------------------------------------------------------------

/** `YYYY-MM-DD` some days from today (UTC), for agreement dates that must stay current. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// ---- evidence files and uploads -------------------------------------------------------------------

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolveHash, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolveHash(hash.digest('hex')));
  });
}

/** A valid one-page PDF (Helvetica text), written by hand with a correct cross-reference table. */
export function minimalPdf(text: string): Buffer {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 18 Tf 24 60 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 320 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, newline.
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A valid 1x1 PNG (one opaque pixel). */
export const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The progress bar of one file on the upload screen (its aria-valuenow is the percentage). */
export const uploadProgress = (page: Page, fileName: string): Locator => page.getByRole('progressbar', { name: `Upload progress of ${fileName}`, exact: true });

/**
 * Holds the tus PATCH requests (the chunks) of a page once `passFirst` of them have gone through,
 * until `release` is called: a transfer stopped mid-way, deterministically. The chunks let through
 * are delayed by `delayMs` first, so that the client's progress (redrawn at most every 250 ms)
 * shows them before the stall. Chunks held when the page reloads die with it (continuing them
 * afterwards fails, and is ignored).
 */
export async function holdUploadChunks(page: Page, passFirst: number, delayMs = 400): Promise<{ held: () => number; release: () => Promise<void> }> {
  const pattern = '**/api/jits/*/uploads/*';
  let patches = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolveGate) => (open = resolveGate));
  const handler = async (route: Route) => {
    if (route.request().method() !== 'PATCH') return route.fallback();
    patches += 1;
    await (patches > passFirst ? gate : new Promise((resolveDelay) => setTimeout(resolveDelay, delayMs)));
    await route.continue().catch(() => undefined);
  };
  await page.route(pattern, handler);
  return {
    held: () => Math.max(0, patches - passFirst),
    release: async () => {
      open();
      await page.unroute(pattern, handler);
    },
  };
}

/**
 * Records, in the page, every value the progress bar of a file takes from now on (the bar is
 * created when the file is picked). Returns a reader of the values seen.
 */
export async function recordUploadProgress(page: Page, fileName: string): Promise<() => Promise<number[]>> {
  const label = `Upload progress of ${fileName}`;
  await page.evaluate((ariaLabel) => {
    const seen: number[] = [];
    window.__uploadProgress = { [ariaLabel]: seen };
    const read = () => {
      const bar = Array.from(document.querySelectorAll('[role="progressbar"]')).find((el) => el.getAttribute('aria-label') === ariaLabel);
      const value = bar ? Number(bar.getAttribute('aria-valuenow')) : null;
      if (value !== null && seen[seen.length - 1] !== value) seen.push(value);
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  }, label);
  return () => page.evaluate((ariaLabel) => window.__uploadProgress?.[ariaLabel] ?? [], label);
}

/** A JIT between the lead state and a second one, with its two parties, made by the administrator. */
export interface TeamJitTerms {
  reference: string;
  title: string;
  purpose: string;
  lead: { country: string; name: string; authority: string };
  other: { country: string; name: string; authority: string };
}

/**
 * Sets up a JIT the way the product intends, through the API: the administrator creates the
 * accounts and the JIT and appoints the lead party's leader, who changes their initial password
 * and adds the other members. Returns the JIT; `members` keep their initial password.
 */
export async function setUpTeamByApi(terms: TeamJitTerms, leader: Person, members: Array<{ person: Person; partyName: string; role: JitRole }>): Promise<Jit> {
  await ensureAdministrator();
  const admin = await apiSession(ADMIN.email, ADMIN.password);
  try {
    const leaderAccount = await createAccountByApi(admin, leader);
    const accounts = await Promise.all(members.map((m) => createAccountByApi(admin, m.person)));
    const jit = await createJitByApi(admin, {
      reference: terms.reference,
      title: terms.title,
      purpose: terms.purpose,
      legalBasis: 'Article 13 of the 2000 EU MLA Convention.',
      startDate: dayFromToday(-2),
      endDate: dayFromToday(250),
      workingLanguage: 'en',
      statesOfOperation: [terms.lead.country, terms.other.country],
      parties: [
        { kind: 'party', ...terms.lead },
        { kind: 'party', ...terms.other },
      ],
      leadPartyCountry: terms.lead.country,
    });
    // The administrator appoints leaders only; the leader adds the other members.
    await addMemberByApi(admin, jit, leaderAccount.id, terms.lead.name, 'leader');
    await changeInitialPasswordByApi(leader);
    await asPerson(leader, async (leaderApi) => {
      for (const [index, member] of members.entries()) await addMemberByApi(leaderApi, jit, accounts[index].id, member.partyName, member.role);
    });
    return jit;
  } finally {
    await admin.dispose();
  }
}

/**
 * A JIT of two states through the API with one member of the other party, whose password is set, in
 * a browser of their own that has not signed in: for journeys in which signing in is itself part of
 * what is tested (in another language, with the keyboard alone).
 */
export async function memberOfNewTeam(
  browser: Browser,
  terms: TeamJitTerms,
  leader: Person,
  member: Person,
  contextOptions: BrowserContextOptions = {},
): Promise<{ jit: Jit; context: BrowserContext; page: Page }> {
  const jit = await setUpTeamByApi(terms, leader, [{ person: member, partyName: terms.other.name, role: 'member' }]);
  await changeInitialPasswordByApi(member);
  const context = await browser.newContext(contextOptions);
  return { jit, context, page: trackPageErrors(await context.newPage()) };
}

/** A JIT of two states with its lead party's leader and members of the other party, each in a browser of their own. */
export interface TeamInBrowsers<Members extends readonly Person[] = readonly [Person]> {
  jit: Jit;
  leader: BrowserSession;
  /** One session per member, in the order the members were given. */
  members: { [K in keyof Members]: BrowserSession };
  /** Closes every browser of the team. */
  close: () => Promise<void>;
}

/**
 * The set-up of the journeys in which one person's change appears on another's screen: the JIT and
 * the accounts through the API, `arrange` for what must exist before anyone looks (a note, as the
 * leader), then the leader signed in and each member (a plain member of the other party) signing in
 * for the first time, so the forced password change is part of their journey. If a sign-in fails,
 * the browsers already open are closed.
 */
export async function teamInBrowsers<const Members extends readonly [Person, ...Person[]]>(
  browser: Browser,
  terms: TeamJitTerms,
  people: { leader: Person; members: Members },
  { arrange = () => Promise.resolve(), memberBrowser }: { arrange?: (leaderApi: APIRequestContext, jit: Jit) => Promise<void>; memberBrowser?: BrowserSetUp } = {},
): Promise<TeamInBrowsers<Members>> {
  const jit = await setUpTeamByApi(
    terms,
    people.leader,
    people.members.map((person) => ({ person, partyName: terms.other.name, role: 'member' as const })),
  );
  await asPerson(people.leader, (api) => arrange(api, jit));
  const open: BrowserSession[] = [];
  const close = async () => void (await Promise.all(open.map((session) => session.context.close())));
  try {
    open.push(await signedIn(browser, people.leader));
    for (const person of people.members) open.push(await firstLogin(browser, person, memberBrowser));
  } catch (error) {
    await close();
    throw error;
  }
  const [leader, ...members] = open;
  // One session per person of `people.members`, in their order: the shape of their tuple.
  return { jit, leader, members: members as { [K in keyof Members]: BrowserSession }, close };
}

/** Runs `work` with an API session of `person` (whose password is set), and ends the session. */
export async function asPerson<T>(person: Person, work: (api: APIRequestContext) => Promise<T>): Promise<T> {
  const api = await apiSession(person.email, person.password);
  try {
    return await work(api);
  } finally {
    await api.dispose();
  }
}

/** A section of the open JIT (Overview, Members, Evidence …): a link in the JIT's navigation. */
export const jitSection = (page: Page, name: string): Locator => page.getByRole('navigation', { name: 'Sections of this JIT' }).getByRole('link', { name, exact: true });
