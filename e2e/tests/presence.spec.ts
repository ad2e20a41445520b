import { expect, test } from '@playwright/test';
import type { Jit, Note } from '@jit/shared';
import { type BrowserSession, createNoteByApi, expectNoPageErrors, jitSection, type Person, teamInBrowsers, type TeamInBrowsers } from './helpers';
import { expectAccessible } from './accessibility';

const LEADER: Person = {
  email: 'lead.pt@jit-e2e-presence.test',
  displayName: 'Inês Costa',
  organisation: 'Polícia Judiciária',
  country: 'PT',
  countryOption: 'Portugal (PT)',
  timeZone: 'Europe/Lisbon',
  initialPassword: 'initial-Lead-Presence-2026!',
  password: 'lead-Presence-Chosen-2026!',
};
const INVESTIGATOR: Person = {
  email: 'investigador.es@jit-e2e-presence.test',
  displayName: 'Pablo Ruiz',
  organisation: 'Guardia Civil',
  country: 'ES',
  countryOption: 'Spain (ES)',
  timeZone: 'Europe/Madrid',
  initialPassword: 'initial-Investigator-Presence-2026!',
  password: 'investigator-Presence-Chosen-2026!',
};

const JIT_REFERENCE = 'JIT-E2E-PRESENCE-PT-ES-010';
const NOTE_TITLE = 'Boats seen at Vigo';

test.describe('presence: two members on the same note see each other, and the JIT shows who is online', () => {
  test.describe.configure({ mode: 'serial' });

  let jit: Jit;
  let note: Note;
  let team: TeamInBrowsers | undefined;
  let leader: BrowserSession;
  let investigator: BrowserSession;
  const notePath = () => `/jits/${jit.id}/notes/${note.id}`;

  test.beforeAll(async ({ browser }) => {
    team = await teamInBrowsers(
      browser,
      {
        reference: JIT_REFERENCE,
        title: 'Operation Atlantic: hashish by sea',
        purpose: 'Follow the speedboats landing hashish between Vigo and Porto.',
        lead: { country: 'PT', name: 'Portugal', authority: 'Ministério Público' },
        other: { country: 'ES', name: 'Spain', authority: 'Audiencia Nacional' },
      },
      { leader: LEADER, members: [INVESTIGATOR] },
      {
        arrange: async (api, created) => {
          note = await createNoteByApi(api, created, { title: NOTE_TITLE, body: 'Two speedboats without lights, around 03:00.\n' });
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

  test('both open the note: each is told the other is here', async () => {
    await leader.page.goto(notePath());
    await expect(leader.page.getByTestId('note-title')).toHaveText(NOTE_TITLE);
    await expect(leader.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
    // Alone on the note: nobody to name.
    await expect(leader.page.getByTestId('also-here')).toHaveCount(0);

    await investigator.page.goto(notePath());
    await expect(investigator.page.getByTestId('note-title')).toHaveText(NOTE_TITLE);
    await expect(investigator.page.getByTestId('also-here')).toHaveText(`Also here: ${LEADER.displayName}`);
    await expect(leader.page.getByTestId('also-here')).toHaveText(`Also here: ${INVESTIGATOR.displayName}`);
    await expectAccessible(leader.page, 'a note with who else is on it');
  });

  test('one edits: the other sees "(editing)"; when both edit, each is warned', async () => {
    await investigator.page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(investigator.page).toHaveURL(new RegExp(`${notePath()}/edit$`));
    await expect(leader.page.getByTestId('also-here')).toHaveText(`Also here: ${INVESTIGATOR.displayName} (editing)`);
    // The reader is no editor: the investigator's editor has nothing to warn about.
    await expect(investigator.page.getByRole('heading', { name: 'Edit note' })).toBeVisible();
    await expect(investigator.page.getByTestId('others-editing')).toHaveCount(0);

    await leader.page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(leader.page.getByTestId('others-editing')).toContainText(`Also editing: ${INVESTIGATOR.displayName}.`);
    await expect(investigator.page.getByTestId('others-editing')).toContainText(`Also editing: ${LEADER.displayName}.`);
    await expectAccessible(investigator.page, 'the note editor warning that someone else edits');

    // The investigator leaves the editor: the leader's warning goes.
    await investigator.page.getByRole('button', { name: 'Cancel' }).click();
    await expect(investigator.page).toHaveURL(new RegExp(`${notePath()}$`));
    await expect(leader.page.getByTestId('others-editing')).toHaveCount(0);
    await expect(investigator.page.getByTestId('also-here')).toHaveText(`Also here: ${LEADER.displayName} (editing)`);
  });

  test('the JIT overview lists both online, and follows one logging out', async () => {
    await leader.page.getByRole('button', { name: 'Cancel' }).click();
    for (const page of [leader.page, investigator.page]) {
      await jitSection(page, 'Overview').click();
      await expect(page).toHaveURL(new RegExp(`/jits/${jit.id}$`));
      const online = page.getByRole('list', { name: 'Online now' });
      await expect(online.getByTestId(`online-${LEADER.displayName}`)).toContainText('Portugal');
      await expect(online.getByTestId(`online-${INVESTIGATOR.displayName}`)).toContainText('Spain');
    }
    await expect(leader.page.getByTestId(`online-${LEADER.displayName}`)).toContainText('(you)');

    // The investigator logs out from the overview: the login page, no page error, and the leader's overview follows.
    await investigator.page.getByRole('button', { name: 'Log out' }).click();
    await expect(investigator.page).toHaveURL(/\/login$/);
    await expect(investigator.page.getByRole('button', { name: 'Log in' })).toBeVisible();
    await expect(leader.page.getByTestId(`online-${INVESTIGATOR.displayName}`)).toHaveCount(0);
    await expect(leader.page.getByTestId(`online-${LEADER.displayName}`)).toBeVisible();
  });
});
