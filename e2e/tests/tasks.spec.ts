import { expect, test } from '@playwright/test';
import type { Jit } from '@jit/shared';
import {
  type BrowserSession,
  dayFromToday,
  expectNoPageErrors,
  field,
  fillDate,
  jitSection,
  markDocument,
  type Person,
  sameDocument,
  signedIn,
  teamInBrowsers,
  type TeamInBrowsers,
} from './helpers';
import { expectAccessible } from './accessibility';

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
const CHECKLIST = ['Request the manifests', 'Compare the container seals'];
const PHONE = { width: 390, height: 844 };

test.describe('tasks: a leader assigns, the assignee moves it along, both boards follow live', () => {
  test.describe.configure({ mode: 'serial' });

  let jit: Jit;
  let team: TeamInBrowsers | undefined;
  let leader: BrowserSession;
  let investigator: BrowserSession;

  test.beforeAll(async ({ browser }) => {
    team = await teamInBrowsers(
      browser,
      {
        reference: JIT_REFERENCE,
        title: 'Operation Harbour: cocaine in fruit containers',
        purpose: 'Follow the containers shipped from Antwerp to Algeciras.',
        lead: { country: 'BE', name: 'Belgium', authority: 'Federal Prosecutor' },
        other: { country: 'ES', name: 'Spain', authority: 'Audiencia Nacional' },
      },
      { leader: LEADER, members: [INVESTIGATOR] },
    );
    ({
      jit,
      leader,
      members: [investigator],
    } = team);
  });

  test.afterEach(() => expectNoPageErrors());

  test.afterAll(async () => {
    await team?.close();
  });

  test('the leader creates a task for the investigator, whose open board shows it in "To do" without a reload', async () => {
    const watcher = investigator.page;
    await watcher.goto(`/jits/${jit.id}`);
    await jitSection(watcher, 'Tasks').click();
    await expect(watcher).toHaveURL(new RegExp(`/jits/${jit.id}/tasks$`));
    await expect(watcher.getByTestId('board-column-todo')).toBeVisible();
    await expectAccessible(watcher, 'the task board');
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
    await fillDate(dialog, 'Due date', dayFromToday(7));
    for (const [index, item] of CHECKLIST.entries()) {
      await dialog.getByRole('button', { name: 'Add checklist item' }).click();
      await dialog.getByLabel(`Checklist item ${index + 1}`).fill(item);
    }
    await expectAccessible(page, 'the dialog creating a task');
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
    await expectAccessible(watcher, 'my tasks across JITs');
    const row = watcher.getByTestId(`task-row-${TASK_TITLE}`);
    await expect(row).toHaveAttribute('data-status', 'in_progress');
    await row.getByRole('link', { name: JIT_REFERENCE }).click();
    await expect(watcher).toHaveURL(new RegExp(`/jits/${jit.id}/tasks$`));
    await expect(watcher.getByTestId(`task-card-${TASK_TITLE}`)).toBeVisible();
  });

  test('the investigator, who is no leader, ticks a checklist item on the card; the leader’s board follows without a reload', async () => {
    const page = investigator.page;
    const card = page.getByTestId(`task-card-${TASK_TITLE}`);
    const progress = card.getByTestId('checklist-progress');
    await expect(progress).toHaveText('Checklist: 0/2');
    await progress.click();
    await expect(progress).toHaveAttribute('aria-expanded', 'true');
    await card.getByRole('checkbox', { name: CHECKLIST[0] }).check();
    await expect(progress).toHaveText('Checklist: 1/2');

    // Saved, not only shown: the leader's open board has it live.
    const seen = leader.page.getByTestId(`task-card-${TASK_TITLE}`);
    await expect(seen.getByTestId('checklist-progress')).toHaveText('Checklist: 1/2');
    await seen.getByTestId('checklist-progress').click();
    await expect(seen.getByRole('checkbox', { name: CHECKLIST[0] })).toBeChecked();
    await expect(seen.getByRole('checkbox', { name: CHECKLIST[1] })).toBeEnabled();
    expect(await sameDocument(leader.page)).toBe(true);

    // A press on a checklist item that wanders off is not a drag: the card stays, nothing is ticked.
    const board = leader.page;
    await seen.getByText(CHECKLIST[1]).dragTo(board.getByTestId('board-column-todo'));
    await seen.getByRole('checkbox', { name: CHECKLIST[1] }).dragTo(board.getByTestId('board-column-todo'));
    await expect(seen).toHaveAttribute('data-status', 'in_progress');
    await expect(seen.getByRole('checkbox', { name: CHECKLIST[1] })).not.toBeChecked();
    // The card itself still drags, its checklist open, by its title too.
    await seen.getByText(TASK_TITLE).dragTo(board.getByTestId('board-column-blocked'));
    await expect(board.getByTestId('board-column-blocked').getByTestId(`task-card-${TASK_TITLE}`)).toHaveAttribute('data-status', 'blocked');
    await expect(board).not.toHaveURL(/task=/);

    await board.reload();
    await expect(board.getByTestId(`task-card-${TASK_TITLE}`).getByTestId('checklist-progress')).toHaveText('Checklist: 1/2');
  });

  test('the investigator opens the task from the board by its title, with the keyboard, and ticks the rest there', async () => {
    const page = investigator.page;
    const title = page.getByTestId(`task-card-${TASK_TITLE}`).getByRole('link', { name: TASK_TITLE });
    await title.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/tasks\\?task=`));
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('task-details')).toContainText(TASK_TITLE);
    await expect(dialog.getByTestId('task-details')).toContainText('manifests');
    await expect(dialog.getByRole('checkbox', { name: CHECKLIST[0] })).toBeChecked();
    await dialog.getByRole('checkbox', { name: CHECKLIST[1] }).check();
    await expect(dialog.getByTestId('task-checklist')).toContainText('Checklist: 2/2');

    await expect(leader.page.getByTestId(`task-card-${TASK_TITLE}`).getByTestId('checklist-progress')).toHaveText('Checklist: 2/2');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/tasks$`));
    expect(await sameDocument(page)).toBe(true);
  });

  test('on a phone, the investigator reaches "My tasks" through the menu, with the keyboard', async ({ browser }) => {
    const { context, page } = await signedIn(browser, INVESTIGATOR, { viewport: PHONE });
    try {
      const bar = page.getByRole('banner');
      await expect(bar.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
      await expect(bar.getByRole('link', { name: 'My JITs' })).toBeVisible();
      // No room in the bar on a phone: these wait in the menu.
      await expect(bar.getByRole('link', { name: 'My tasks' })).toBeHidden();
      await expect(bar.getByRole('button', { name: 'Log out' })).toBeHidden();

      const burger = bar.getByRole('button', { name: 'Navigation menu' });
      const box = await burger.boundingBox();
      expect((box?.x ?? PHONE.width) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
      await burger.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu');
      await expect(menu).toBeVisible();
      await expect(burger).toHaveAttribute('aria-expanded', 'true');
      await expect(menu.getByRole('menuitem')).toHaveText(['My tasks', 'Account', /English/, 'Français', 'Español', 'Українська', 'العربية', 'Log out']);
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(burger).toBeFocused();

      await page.keyboard.press('Enter');
      await expect(menu).toBeVisible();
      // Mantine moves the focus into the menu a tick after it shows; an arrow pressed before that
      // reaches the burger instead. A person is never that quick, so the journey waits for it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="menu"]') != null)).toBe(true);
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitem', { name: 'My tasks' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/tasks$/);
      await expect(page.getByRole('heading', { name: 'My tasks' })).toBeVisible();
      await expect(page.getByTestId(`task-row-${TASK_TITLE}`)).toHaveAttribute('data-status', 'blocked');
      await expect(menu).toBeHidden();
    } finally {
      await context.close();
    }
  });
});
