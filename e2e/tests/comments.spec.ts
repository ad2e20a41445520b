import { expect, test, type Page } from '@playwright/test';
import type { Jit, Note } from '@jit/shared';
import { createNoteByApi, expectNoPageErrors, field, type Person, pickOption, teamInBrowsers, type TeamInBrowsers } from './helpers';
import { expectAccessible } from './accessibility';

/** A leader of the lead party comments; a member of the other party is mentioned and watches. */
const COMMENTER_A: Person = {
  email: 'lead.be@jit-e2e-comments.test',
  displayName: 'Lotte Peeters',
  organisation: 'Federaal Parket',
  country: 'BE',
  countryOption: 'Belgium (BE)',
  timeZone: 'Europe/Brussels',
  initialPassword: 'initial-Lead-Comments-2026!',
  password: 'lead-Comments-Chosen-2026!',
};
const READER_B: Person = {
  email: 'enqueteur.fr@jit-e2e-comments.test',
  displayName: 'Hugo Lambert',
  organisation: 'Gendarmerie nationale',
  country: 'FR',
  countryOption: 'France (FR)',
  timeZone: 'Europe/Paris',
  initialPassword: 'initial-Investigator-Comments-2026!',
  password: 'investigator-Comments-Chosen-2026!',
};

const JIT_REFERENCE = 'JIT-E2E-COMMENTS-BE-FR-007';
const NOTE_TITLE = 'Money mule accounts';

test.describe('comments: A comments on a note mentioning B; B sees it live', () => {
  test.describe.configure({ mode: 'serial' });

  let jit: Jit;
  let note: Note;
  let team: TeamInBrowsers | undefined;
  let pageA: Page;
  let pageB: Page;

  test.beforeAll(async ({ browser }) => {
    team = await teamInBrowsers(
      browser,
      {
        reference: JIT_REFERENCE,
        title: 'Operation Heron: money mules',
        purpose: 'Trace the accounts receiving the proceeds of online fraud in Belgium and France.',
        lead: { country: 'BE', name: 'Belgium', authority: 'Federal Prosecutor' },
        other: { country: 'FR', name: 'France', authority: 'Parquet de Lille' },
      },
      { leader: COMMENTER_A, members: [READER_B] },
      {
        arrange: async (api, created) => {
          note = await createNoteByApi(api, created, { title: NOTE_TITLE, body: 'Three accounts opened in Lille in March.\n' });
        },
      },
    );
    ({
      jit,
      leader: { page: pageA },
      members: [{ page: pageB }],
    } = team);
  });

  test.afterEach(() => expectNoPageErrors());

  test.afterAll(async () => {
    await team?.close();
  });

  test('B, on the note page, sees the comment A posts appear without a reload', async () => {
    // B opens the note first and waits there, connected.
    await pageB.goto(`/jits/${jit.id}/notes/${note.id}`);
    await expect(pageB.getByTestId('note-title')).toHaveText(NOTE_TITLE);
    await expect(pageB.getByText('No comments yet.')).toBeVisible();
    await expectAccessible(pageB, 'a note with its comments and links');
    await expect(pageB.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');

    // A comments, mentioning B.
    await pageA.goto(`/jits/${jit.id}/notes/${note.id}`);
    await expect(pageA.getByTestId('note-title')).toHaveText(NOTE_TITLE);
    await field(pageA, 'Add a comment').fill('The **second** account belongs to a known mule. <img src=x onerror="window.__xss=1">');
    await pickOption(pageA, field(pageA, 'Mention'), READER_B.displayName, 'Hugo');
    await pageA.keyboard.press('Escape');
    await pageA.getByRole('button', { name: 'Post comment', exact: true }).click();

    const mine = pageA.getByTestId('comment-0');
    await expect(mine).toContainText('belongs to a known mule');
    await expect(mine).toContainText(COMMENTER_A.displayName);
    await expect(mine).toContainText(`Mentions: ${READER_B.displayName}`);
    await expect(field(pageA, 'Add a comment')).toHaveValue('');

    // B's page follows over the live connection: no reload.
    const seen = pageB.getByTestId('comment-0');
    await expect(seen).toContainText('belongs to a known mule');
    await expect(seen).toContainText(`${COMMENTER_A.displayName} (Belgium)`);
    await expect(seen.locator('strong')).toHaveText('second');
    await expect(seen).toContainText(`Mentions: ${READER_B.displayName}`);
    await expect(seen.locator('img')).not.toHaveAttribute('onerror', /.*/);
    await expect(pageB.getByTestId('comment-1')).toHaveCount(0);
    expect(await pageB.evaluate(() => window.__xss)).toBeUndefined();
  });
});
