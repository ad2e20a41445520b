import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Jit } from '@jit/shared';
import { dayFromToday, expectNoPageErrors, field, firstLogin, login, type Person, setUpTeamByApi, trackPageErrors } from './helpers';

const LEADER: Person = {
  email: 'lead.be@jit-e2e-tasks.test',
  displayName: 'Lotte Peeters',
  organisation: 'Federale Gerechtelijke Politie',
  country: 'BE',
  countryOption: 'Belgium (BE)',
  timeZone: 'Europe/Brussels',
  initialPassword: 'initial-Lead-Tasks-2026!',
  password: 'lead-Tasks-Chosen-2026!',
};
/** A member of the other party: the task's assignee. */
const INVESTIGATOR: Person = {
  email: 'investigador.es@jit-e2e-tasks.test',
  displayName: 'Lucía Fernández',
  organisation: 'Policía Nacional',
  country: 'ES',
  countryOption: 'Spain (ES)',
  timeZone: 'Europe/Madrid',
  initialPassword: 'initial-Investigator-Tasks-2026!',
  password: 'investigator-Tasks-Chosen-2026!',
};

const JIT_REFERENCE = 'JIT-E2E-TASKS-BE-ES-005';
const TASK_TITLE = 'Trace the shipping containers at Antwerp';

const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument);

test.describe('tasks: a leader assigns, the assignee moves it along, both boards follow live', () => {
  test.describe.configure({ mode: 'serial' });

  let jit: Jit;
  let leader: { context: BrowserContext; page: Page };
  let investigator: { context: BrowserContext; page: Page };

  test.beforeAll(async ({ browser }) => {
    jit = await setUpTeamByApi(
      {
        reference: JIT_REFERENCE,
        title: 'Operation Harbour: cocaine in fruit containers',
        purpose: 'Follow the containers shipped from Antwerp to Algeciras.',
        lead: { country: 'BE', name: 'Belgium', authority: 'Federal Prosecutor' },
        other: { country: 'ES', name: 'Spain', authority: 'Audiencia Nacional' },
      },
      LEADER,
      [{ person: INVESTIGATOR, partyName: 'Spain', role: 'member' }],
    );
    const leaderContext = await browser.newContext();
    const leaderPage = trackPageErrors(await leaderContext.newPage());
    await login(leaderPage, LEADER.email, LEADER.password);
    await expect(leaderPage).toHaveURL(/\/jits$/);
    leader = { context: leaderContext, page: leaderPage };
    investigator = await firstLogin(browser, INVESTIGATOR);
  });

  test.afterEach(() => expectNoPageErrors());

  test.afterAll(async () => {
    await leader?.context.close();
    await investigator?.context.close();
  });

  test('the leader creates a task for the investigator, whose open board shows it in "To do" without a reload', async () => {
    const watcher = investigator.page;
    await watcher.goto(`/jits/${jit.id}`);
    await watcher.getByRole('tab', { name: 'Tasks' }).click();
    await expect(watcher).toHaveURL(new RegExp(`/jits/${jit.id}/tasks$`));
    await expect(watcher.getByTestId('board-column-todo')).toBeVisible();
    await expect(watcher.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
    // Members move tasks but do not create them.
    await expect(watcher.getByRole('button', { name: 'New task' })).toHaveCount(0);
    await markDocument(watcher);

    const page = leader.page;
    await page.goto(`/jits/${jit.id}/tasks`);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
    await page.getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Title').fill(TASK_TITLE);
    await field(dialog, 'Description').fill('Ask the port authority for the **manifests** of March.');
    await field(dialog, 'Priority').selectOption({ label: 'High' });
    await field(dialog, 'Assignee').selectOption({ label: `${INVESTIGATOR.displayName} (Spain)` });
    await field(dialog, 'Due date').fill(dayFromToday(7));
    await dialog.getByRole('button', { name: 'Add checklist item' }).click();
    await dialog.getByLabel('Checklist item 1').fill('Request the manifests');
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await expect(dialog).toHaveCount(0);

    const card = page.getByTestId(`task-card-${TASK_TITLE}`);
    await expect(card).toHaveAttribute('data-status', 'todo');
    await expect(card).toContainText(INVESTIGATOR.displayName);
    await expect(card).toContainText('High');
    await markDocument(page);

    const seen = watcher.getByTestId('board-column-todo').getByTestId(`task-card-${TASK_TITLE}`);
    await expect(seen).toBeVisible();
    await expect(seen).toHaveAttribute('data-status', 'todo');
    await expect(seen).toContainText(INVESTIGATOR.displayName);
    expect(await sameDocument(watcher)).toBe(true);
  });

  test('the investigator moves it to "Done" with the select; the leader’s board follows without a reload', async () => {
    const page = investigator.page;
    await page.getByLabel(`Move ${TASK_TITLE} to`).selectOption({ label: 'Done' });
    await expect(page.getByTestId('board-column-done').getByTestId(`task-card-${TASK_TITLE}`)).toHaveAttribute('data-status', 'done');

    const moved = leader.page.getByTestId('board-column-done').getByTestId(`task-card-${TASK_TITLE}`);
    await expect(moved).toHaveAttribute('data-status', 'done');
    await expect(leader.page.getByTestId('board-column-todo').getByTestId(`task-card-${TASK_TITLE}`)).toHaveCount(0);
    expect(await sameDocument(leader.page)).toBe(true);
    expect(await sameDocument(page)).toBe(true);
  });

  test('the leader drags it back to "In progress"; "My tasks" lists it for the investigator', async () => {
    const page = leader.page;
    await page.getByTestId(`task-card-${TASK_TITLE}`).dragTo(page.getByTestId('board-column-in_progress'));
    await expect(page.getByTestId('board-column-in_progress').getByTestId(`task-card-${TASK_TITLE}`)).toHaveAttribute('data-status', 'in_progress');
    await expect(investigator.page.getByTestId(`task-card-${TASK_TITLE}`)).toHaveAttribute('data-status', 'in_progress');

    const watcher = investigator.page;
    await watcher.getByRole('link', { name: 'My tasks' }).click();
    await expect(watcher.getByRole('heading', { name: 'My tasks' })).toBeVisible();
    const row = watcher.getByTestId(`task-row-${TASK_TITLE}`);
    await expect(row).toHaveAttribute('data-status', 'in_progress');
    await row.getByRole('link', { name: JIT_REFERENCE }).click();
    await expect(watcher).toHaveURL(new RegExp(`/jits/${jit.id}/tasks$`));
    await expect(watcher.getByTestId(`task-card-${TASK_TITLE}`)).toBeVisible();
  });
});
