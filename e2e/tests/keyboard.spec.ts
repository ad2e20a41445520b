import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Jit, Task } from '@jit/shared';
import { asPerson, expectNoPageErrors, memberOfNewTeam, field, minimalPdf, sha256Hex, type Person } from './helpers';
import { expectAccessible } from './accessibility';

/**
 * The core loop with the keyboard only: sign in, open a JIT, upload a file, move a task, comment on
 * it. No click anywhere: every step reaches its control with Tab (so the control is in the tab order
 * and visible to the keyboard) and acts with Enter, Space or the arrows.
 */
const LEADER: Person = {
  email: 'lead.lt@jit-e2e-keyboard.test',
  displayName: 'Rūta Kazlauskienė',
  organisation: 'Generalinė prokuratūra',
  country: 'LT',
  countryOption: 'Lithuania (LT)',
  timeZone: 'Europe/Vilnius',
  initialPassword: 'initial-Lead-2026!',
  password: 'lead-Chosen-2026!',
};
const INVESTIGATOR: Person = {
  email: 'officer.pl@jit-e2e-keyboard.test',
  displayName: 'Tomasz Wiśniewski',
  organisation: 'Policja',
  country: 'PL',
  countryOption: 'Poland (PL)',
  timeZone: 'Europe/Warsaw',
  initialPassword: 'initial-Officer-2026!',
  password: 'officer-Chosen-2026!',
};
const REFERENCE = 'JIT-E2E-KEYBOARD-LT-PL-011';
const TASK_TITLE = 'Interview the border guard';
const FILE_NAME = 'border-crossing-log.pdf';
const PDF = minimalPdf('Border crossing log, 12 May');

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it is not in the tab order. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 80 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached with ${limit} presses of Tab`).toBeFocused();
}

test.describe('the keyboard alone: the core loop', () => {
  test.describe.configure({ mode: 'serial' });
  let context: BrowserContext;
  let page: Page;
  let jit: Jit;

  test.beforeAll(async ({ browser }) => {
    ({ jit, context, page } = await memberOfNewTeam(
      browser,
      {
        reference: REFERENCE,
        title: 'Deportation of civilians across the northern border',
        purpose: 'Trace the transports and identify those who ordered them.',
        lead: { country: 'LT', name: 'Lithuania', authority: 'Prosecutor General’s Office' },
        other: { country: 'PL', name: 'Poland', authority: 'National Prosecutor’s Office' },
      },
      LEADER,
      INVESTIGATOR,
    ));
    await asPerson(LEADER, async (api) => {
      const members = (await (await api.get(`/api/jits/${jit.id}/members`)).json()) as Array<{ id: string; email?: string; displayName: string }>;
      const assignee = members.find((member) => member.displayName === INVESTIGATOR.displayName);
      const response = await api.post(`/api/jits/${jit.id}/tasks`, { data: { title: TASK_TITLE, description: 'Ask about the night of 12 May.', assigneeMemberId: assignee?.id } });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as Task;
    });
  });

  test.afterEach(() => expectNoPageErrors());
  test.afterAll(async () => context?.close());

  test('signs in, opens the JIT, uploads, moves a task and comments, without the mouse', async () => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();

    // The first stop of Tab is the skip link, shown while it has the focus; it jumps to the content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();

    await tabTo(page, field(page, 'Email'));
    await page.keyboard.type(INVESTIGATOR.email);
    await page.keyboard.press('Tab');
    await expect(field(page, 'Password')).toBeFocused();
    await page.keyboard.type(INVESTIGATOR.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/jits$/);
    // This browser is set to Amsterdam's clock, the profile to Warsaw's: the times say which they follow.
    await expect(page.getByTestId('zone-hint')).toContainText('your profile’s time zone, Europe/Warsaw; this device is set to Europe/Amsterdam');

    // A new screen: the focus lands on its content, not on a link that is gone.
    await tabTo(page, page.getByRole('link', { name: REFERENCE, exact: true }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}$`));
    await expect(page.locator('#main-content')).toBeFocused();

    // Upload: the file picker opens from the keyboard; the description is typed and chosen with arrows.
    const sections = page.getByRole('navigation', { name: 'Sections of this JIT' });
    await tabTo(page, sections.getByRole('link', { name: 'Evidence', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/evidence$`));
    await tabTo(page, page.getByRole('link', { name: 'Upload evidence' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/evidence/new$`));
    await tabTo(page, page.getByLabel('Files to upload'));
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });

    const row = page.getByTestId(`upload-row-${FILE_NAME}`);
    const handling = field(row, 'Handling code');
    await tabTo(page, handling);
    await page.keyboard.press('ArrowDown');
    const option = page.getByRole('option', { name: 'Evidential use within the JIT', exact: true });
    await expect(option).toBeVisible();
    for (let presses = 0; presses < 10 && (await option.getAttribute('data-combobox-selected')) === null; presses += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(handling).toHaveValue('Evidential use within the JIT');
    await tabTo(page, field(row, 'Collected by'));
    await page.keyboard.type('Border Guard Service');
    await tabTo(page, row.getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    await expect(row.getByTestId('saved-status')).toHaveAttribute('data-status', 'available');
    await expect(row.getByTestId('upload-sha256')).toHaveText(sha256Hex(PDF));

    // Move the task with its "Move to" select; the focus follows the card to its new column.
    await tabTo(page, sections.getByRole('link', { name: 'Tasks', exact: true }), { backwards: true });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}/tasks$`));
    const move = page.getByRole('combobox', { name: `Move ${TASK_TITLE} to` });
    await tabTo(page, move);
    await expect(move).toHaveValue('todo');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('board-column-in_progress').getByTestId(`task-card-${TASK_TITLE}`)).toBeVisible();
    await expect(move).toHaveValue('in_progress');
    await expect(move).toBeFocused();
    await expectAccessible(page, 'the task board after a move by keyboard');

    // Open the task by its title and comment on it; Escape closes the dialog and gives the focus back.
    const title = page.getByRole('link', { name: TASK_TITLE, exact: true });
    await tabTo(page, title, { backwards: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Task' });
    await expect(dialog.getByTestId('task-details')).toContainText(TASK_TITLE);
    await tabTo(page, field(dialog, 'Add a comment'));
    await page.keyboard.type('Appointment set for Monday at the Terespol crossing.');
    await tabTo(page, dialog.getByRole('button', { name: 'Post comment', exact: true }));
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('comment-0')).toContainText('Appointment set for Monday');
    await expectAccessible(page, 'a task with a comment posted by keyboard');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(title).toBeFocused();

    // The account settings (profile, language, notifications, tokens) are a screen of their own.
    await tabTo(page, page.getByRole('link', { name: 'Account', exact: true }), { backwards: true });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { name: 'Account settings' })).toBeVisible();
    await expectAccessible(page, 'the account settings');
  });
});
