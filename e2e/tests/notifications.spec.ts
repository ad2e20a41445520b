import { expect, test, type Page } from '@playwright/test';
import type { Jit, Note } from '@jit/shared';
import {
  type BrowserSession,
  createNoteByApi,
  dayFromToday,
  expectNoPageErrors,
  field,
  fillDate,
  markDocument,
  type Person,
  pickOption,
  sameDocument,
  signedIn,
  teamInBrowsers,
  type TeamInBrowsers,
} from './helpers';
import { expectAccessible } from './accessibility';

const LEADER: Person = {
  email: 'lead.de@jit-e2e-notifications.test',
  displayName: 'Katrin Becker',
  organisation: 'Bundeskriminalamt',
  country: 'DE',
  countryOption: 'Germany (DE)',
  timeZone: 'Europe/Berlin',
  initialPassword: 'initial-Lead-Notify-2026!',
  password: 'lead-Notify-Chosen-2026!',
};
/** The journey's subject: a member of the other party, to whom the task is assigned. */
const INVESTIGATOR: Person = {
  email: 'investigatore.it@jit-e2e-notifications.test',
  displayName: 'Marco Rossi',
  organisation: 'Guardia di Finanza',
  country: 'IT',
  countryOption: 'Italy (IT)',
  timeZone: 'Europe/Rome',
  initialPassword: 'initial-Investigator-Notify-2026!',
  password: 'investigator-Notify-Chosen-2026!',
};

const JIT_REFERENCE = 'JIT-E2E-NOTIFY-DE-IT-009';
const TASK_TITLE = 'Freeze the accounts in Milan';
const NOTE_TITLE = 'Shell companies in Munich';
const PHONE = { width: 390, height: 844 };

const bell = (page: Page) => page.getByRole('banner').getByTestId('notification-bell');

test.describe('notifications: the leader assigns a task and mentions the investigator, who is told live', () => {
  test.describe.configure({ mode: 'serial' });

  let jit: Jit;
  let note: Note;
  let team: TeamInBrowsers | undefined;
  let leader: BrowserSession;
  let investigator: BrowserSession;

  test.beforeAll(async ({ browser }) => {
    team = await teamInBrowsers(
      browser,
      {
        reference: JIT_REFERENCE,
        title: 'Operation Alps: VAT carousel',
        purpose: 'Trace the proceeds of a VAT carousel between Munich and Milan.',
        lead: { country: 'DE', name: 'Germany', authority: 'Staatsanwaltschaft München' },
        other: { country: 'IT', name: 'Italy', authority: 'Procura di Milano' },
      },
      { leader: LEADER, members: [INVESTIGATOR] },
      {
        arrange: async (api, created) => {
          note = await createNoteByApi(api, created, { title: NOTE_TITLE, body: 'Four companies registered at the same address.\n' });
        },
      },
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

  test('the leader assigns a task: it appears on the investigator’s board without a reload, with a notification', async () => {
    const watcher = investigator.page;
    await watcher.goto(`/jits/${jit.id}/tasks`);
    await expect(watcher.getByTestId('board-column-todo')).toBeVisible();
    await expect(watcher.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
    await expect(bell(watcher)).toHaveAccessibleName('Notifications');
    await markDocument(watcher);

    const page = leader.page;
    await page.goto(`/jits/${jit.id}/tasks`);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
    await page.getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Title').fill(TASK_TITLE);
    await field(dialog, 'Assignee').selectOption({ label: `${INVESTIGATOR.displayName} (Italy)` });
    await fillDate(dialog, 'Due date', dayFromToday(10));
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId(`task-card-${TASK_TITLE}`)).toHaveAttribute('data-status', 'todo');
    await markDocument(page);

    await expect(watcher.getByTestId('board-column-todo').getByTestId(`task-card-${TASK_TITLE}`)).toBeVisible();
    await expect(bell(watcher)).toHaveAccessibleName('Notifications, 1 unread');
    await expect(bell(watcher)).toHaveText('1');
    const sentence = `${LEADER.displayName} assigned you the task “${TASK_TITLE}”`;
    await expect(watcher.getByTestId('notification-toast')).toHaveText(`${sentence} · ${JIT_REFERENCE}`);
    expect(await sameDocument(watcher)).toBe(true);
    // The leader did it: nothing to tell them.
    await expect(bell(page)).toHaveAccessibleName('Notifications');
  });

  test('the investigator opens the notification from the bell: the task opens and the notification is read', async () => {
    const page = investigator.page;
    // Away from the board, without leaving the page.
    await page.getByRole('link', { name: 'My JITs' }).click();
    await expect(page).toHaveURL(/\/jits$/);
    await bell(page).click();
    const popover = page.getByRole('dialog');
    const item = popover.getByRole('link', { name: new RegExp(`assigned you the task “${TASK_TITLE}”`) });
    await expect(item).toHaveAttribute('data-unread', 'true');
    await expect(item).toContainText(JIT_REFERENCE);
    await expectAccessible(page, 'the notification bell’s list');
    await item.click();

    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/tasks\\?task=`));
    await expect(page.getByRole('dialog').getByRole('heading', { name: TASK_TITLE })).toBeVisible();
    await expect(bell(page)).toHaveAccessibleName('Notifications');
    expect(await sameDocument(page)).toBe(true);
  });

  test('the investigator moves it to "Done"; the leader’s board follows without a reload', async () => {
    const page = investigator.page;
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/tasks$`));
    await page.getByLabel(`Move ${TASK_TITLE} to`).selectOption({ label: 'Done' });
    await expect(page.getByTestId('board-column-done').getByTestId(`task-card-${TASK_TITLE}`)).toHaveAttribute('data-status', 'done');

    await expect(leader.page.getByTestId('board-column-done').getByTestId(`task-card-${TASK_TITLE}`)).toHaveAttribute('data-status', 'done');
    expect(await sameDocument(leader.page)).toBe(true);
  });

  test('a mention in a comment reaches the investigator; the notifications page lists it and opens the note', async () => {
    const page = investigator.page;
    const leaderPage = leader.page;
    await leaderPage.goto(`/jits/${jit.id}/notes/${note.id}`);
    await expect(leaderPage.getByTestId('note-title')).toHaveText(NOTE_TITLE);
    await field(leaderPage, 'Add a comment').fill('Can Italy check the directors of these companies?');
    await pickOption(leaderPage, field(leaderPage, 'Mention'), INVESTIGATOR.displayName, 'Marco');
    await leaderPage.keyboard.press('Escape');
    await leaderPage.getByRole('button', { name: 'Post comment', exact: true }).click();
    await expect(leaderPage.getByTestId('comment-0')).toContainText(`Mentions: ${INVESTIGATOR.displayName}`);

    const sentence = `${LEADER.displayName} mentioned you on the note “${NOTE_TITLE}”`;
    await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
    await expect(page.getByTestId('notification-toast').filter({ hasText: sentence })).toBeVisible();

    await bell(page).click();
    await page.getByRole('dialog').getByRole('link', { name: 'See all notifications' }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
    await expectAccessible(page, 'the notifications page');
    const list = page.getByTestId('notification-list');
    await expect(list.getByRole('link')).toHaveCount(2);
    await expect(list.getByRole('link').first()).toContainText(sentence);
    await page.getByRole('switch', { name: 'Unread only' }).check({ force: true });
    await expect(list.getByRole('link')).toHaveCount(1);
    await list.getByRole('link', { name: new RegExp(`mentioned you on the note “${NOTE_TITLE}”`) }).click();

    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/notes/${note.id}$`));
    await expect(page.getByTestId('note-title')).toHaveText(NOTE_TITLE);
    await expect(bell(page)).toHaveAccessibleName('Notifications');
    expect(await sameDocument(page)).toBe(true);
  });

  test('on a phone, the bell stays in the bar beside the burger', async ({ browser }) => {
    const { context, page } = await signedIn(browser, INVESTIGATOR, { viewport: PHONE });
    try {
      const phoneBell = bell(page);
      const burger = page.getByRole('banner').getByRole('button', { name: 'Navigation menu' });
      await expect(phoneBell).toBeVisible();
      await expect(burger).toBeVisible();
      const bellBox = await phoneBell.boundingBox();
      const burgerBox = await burger.boundingBox();
      expect(bellBox && burgerBox).toBeTruthy();
      if (!bellBox || !burgerBox) return;
      expect(bellBox.x + bellBox.width).toBeLessThanOrEqual(burgerBox.x);
      expect(burgerBox.x + burgerBox.width).toBeLessThanOrEqual(PHONE.width);

      await phoneBell.click();
      const popover = page.getByRole('dialog');
      await expect(popover.getByRole('link', { name: new RegExp(`“${NOTE_TITLE}”`) })).toHaveAttribute('data-unread', 'false');
      const box = await popover.boundingBox();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? PHONE.width + 1) <= PHONE.width).toBe(true);
    } finally {
      await context.close();
    }
  });
});
