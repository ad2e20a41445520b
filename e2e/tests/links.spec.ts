import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Jit, Note, Task } from '@jit/shared';
import {
  type BrowserSession,
  createNoteByApi,
  expectNoPageErrors,
  field,
  markDocument,
  type Person,
  pickOption,
  sameDocument,
  teamInBrowsers,
  type TeamInBrowsers,
} from './helpers';
import { expectAccessible } from './accessibility';

/** The lead party's leader prepares the task and the note; two members of the other party link and watch. */
const LEADER: Person = {
  email: 'lead.nl@jit-e2e-links.test',
  displayName: 'Sanne Visser',
  organisation: 'Openbaar Ministerie',
  country: 'NL',
  countryOption: 'Netherlands (NL)',
  timeZone: 'Europe/Amsterdam',
  initialPassword: 'initial-Lead-Links-2026!',
  password: 'lead-Links-Chosen-2026!',
};
const LINKER: Person = {
  email: 'enqueteur.fr@jit-e2e-links.test',
  displayName: 'Camille Durand',
  organisation: 'Police judiciaire',
  country: 'FR',
  countryOption: 'France (FR)',
  timeZone: 'Europe/Paris',
  initialPassword: 'initial-Linker-Links-2026!',
  password: 'linker-Links-Chosen-2026!',
};
const WATCHER: Person = {
  email: 'analyste.fr@jit-e2e-links.test',
  displayName: 'Julien Moreau',
  organisation: 'Office anti-stupéfiants',
  country: 'FR',
  countryOption: 'France (FR)',
  timeZone: 'Europe/Paris',
  initialPassword: 'initial-Watcher-Links-2026!',
  password: 'watcher-Links-Chosen-2026!',
};

const JIT_REFERENCE = 'JIT-E2E-LINKS-NL-FR-008';
const NOTE_TITLE = 'Statement of the harbour pilot';
const TASK_TITLE = 'Interview the harbour pilot again';

const linksOf = (page: Page): Locator => page.getByTestId('links-panel');

test.describe('links: a member links a note to a task; both ends show it, live for another member', () => {
  test.describe.configure({ mode: 'serial' });

  let jit: Jit;
  let note: Note;
  let task: Task;
  let team: TeamInBrowsers<readonly [Person, Person]> | undefined;
  let leader: BrowserSession;
  let linker: BrowserSession;
  let watcher: BrowserSession;

  test.beforeAll(async ({ browser }) => {
    team = await teamInBrowsers(
      browser,
      {
        reference: JIT_REFERENCE,
        title: 'Operation Pilot: cocaine in reefer containers',
        purpose: 'Identify who in the port of Rotterdam helps containers bound for Le Havre through.',
        lead: { country: 'NL', name: 'Netherlands', authority: 'Landelijk Parket' },
        other: { country: 'FR', name: 'France', authority: 'JIRS de Lille' },
      },
      { leader: LEADER, members: [LINKER, WATCHER] },
      {
        arrange: async (api, created) => {
          note = await createNoteByApi(api, created, { title: NOTE_TITLE, body: 'The pilot saw a second boat alongside on 3 March.\n' });
          // Only leaders create tasks; the journey is about linking, so the task is arranged through the API.
          const response = await api.post(`/api/jits/${created.id}/tasks`, { data: { title: TASK_TITLE, description: 'Ask about the **second boat**.' } });
          expect(response.status(), await response.text()).toBe(201);
          task = (await response.json()) as Task;
        },
      },
    );
    ({
      jit,
      leader,
      members: [linker, watcher],
    } = team);
  });

  test.afterEach(() => expectNoPageErrors());

  test.afterAll(async () => {
    await team?.close();
  });

  test('the linker links the note to the task from the note page; the watcher, with the task open, sees it without a reload', async () => {
    // The watcher opens the task first (a task opens over the board, by its address) and waits, connected.
    const other = watcher.page;
    await other.goto(`/jits/${jit.id}/tasks?task=${task.id}`);
    const taskDialog = other.getByRole('dialog');
    await expect(taskDialog.getByTestId('task-details')).toContainText(TASK_TITLE);
    await expect(linksOf(other)).toContainText('Nothing is linked yet.');
    await expect(other.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
    await expectAccessible(other, 'a task opened by its address, with its links');
    await markDocument(other);

    const page = linker.page;
    await page.goto(`/jits/${jit.id}/notes/${note.id}`);
    await expect(page.getByTestId('note-title')).toHaveText(NOTE_TITLE);
    const panel = linksOf(page);
    await expect(panel).toContainText('Nothing is linked yet.');
    await panel.getByRole('button', { name: 'Add link' }).click();
    await panel.getByRole('radiogroup', { name: 'Kind of record' }).getByText('Task', { exact: true }).click();
    await pickOption(page, field(panel, 'Find by title'), TASK_TITLE, 'pilot');
    await expectAccessible(page, 'the form adding a link to a note');
    await panel.getByRole('button', { name: 'Link', exact: true }).click();

    const toTask = panel.getByRole('link', { name: TASK_TITLE });
    await expect(toTask).toHaveAttribute('href', `/jits/${jit.id}/tasks?task=${task.id}`);
    await expect(panel.getByTestId('link-row')).toHaveCount(1);
    await expect(panel.getByTestId('link-row')).toContainText(`Linked by ${LINKER.displayName}`);
    await expect(panel.getByTestId('add-link-form')).toHaveCount(0);

    // The other end, on the watcher's screen, follows over the live connection.
    const seen = linksOf(other).getByRole('link', { name: NOTE_TITLE });
    await expect(seen).toBeVisible();
    await expect(seen).toHaveAttribute('href', `/jits/${jit.id}/notes/${note.id}`);
    await expect(linksOf(other).getByRole('img', { name: 'Note' })).toBeVisible();
    expect(await sameDocument(other)).toBe(true);
  });

  test('the link leads the linker to the task, which lists the note', async () => {
    const page = linker.page;
    await linksOf(page).getByRole('link', { name: TASK_TITLE }).click();
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/tasks\\?task=${task.id}$`));
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('task-details')).toContainText(TASK_TITLE);
    await expect(linksOf(page).getByRole('link', { name: NOTE_TITLE })).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('note-title')).toHaveText(NOTE_TITLE);
    await expect(linksOf(page).getByRole('link', { name: TASK_TITLE })).toBeVisible();
  });

  test('the watcher removes the link from the task; it leaves both ends, on both screens', async () => {
    const page = linker.page;
    await markDocument(page);
    const other = watcher.page;
    await linksOf(other)
      .getByRole('button', { name: `Remove the link to ${NOTE_TITLE}` })
      .click();
    const confirm = other.getByRole('dialog', { name: 'Remove this link?' });
    await expect(confirm).toContainText(`“${NOTE_TITLE}” will no longer be linked here`);
    await expectAccessible(other, 'the confirmation removing a link');
    await confirm.getByRole('button', { name: 'Remove link' }).click();
    await expect(linksOf(other)).toContainText('Nothing is linked yet.');
    await expect(linksOf(other).getByTestId('link-row')).toHaveCount(0);

    // The note page the linker went back to follows without a reload.
    await expect(linksOf(page)).toContainText('Nothing is linked yet.');
    await expect(linksOf(page).getByRole('link', { name: TASK_TITLE })).toHaveCount(0);
    expect(await sameDocument(page)).toBe(true);
    expect(await sameDocument(other)).toBe(true);
  });

  test('the leader opens the task from its card to edit it: the address names it, and the dialog has its links too', async () => {
    const page = leader.page;
    await page.goto(`/jits/${jit.id}/tasks`);
    await page.getByRole('button', { name: `Edit ${TASK_TITLE}` }).click();
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/tasks\\?task=${task.id}$`));
    const dialog = page.getByRole('dialog', { name: 'Edit task' });
    await expect(field(dialog, 'Title')).toHaveValue(TASK_TITLE);
    await expect(linksOf(page)).toContainText('Nothing is linked yet.');
    await expect(linksOf(page).getByRole('button', { name: 'Add link' })).toBeVisible();
    await expectAccessible(page, 'the dialog editing a task');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/tasks$`));
  });
});
