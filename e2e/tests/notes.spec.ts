import { expect, test, type Page } from '@playwright/test';
import type { Jit, Note } from '@jit/shared';
import { createNoteByApi, expectNoPageErrors, field, jitSection, type Person, teamInBrowsers, type TeamInBrowsers } from './helpers';
import { expectAccessible } from './accessibility';

/** Both may write notes: a leader of the lead party and a member of the other party. */
const WRITER_A: Person = {
  email: 'lead.nl@jit-e2e-notes.test',
  displayName: 'Sanne Visser',
  organisation: 'Openbaar Ministerie',
  country: 'NL',
  countryOption: 'Netherlands (NL)',
  timeZone: 'Europe/Amsterdam',
  initialPassword: 'initial-Lead-Notes-2026!',
  password: 'lead-Notes-Chosen-2026!',
};
const WRITER_B: Person = {
  email: 'analyste.fr@jit-e2e-notes.test',
  displayName: 'Léa Moreau',
  organisation: 'Police judiciaire',
  country: 'FR',
  countryOption: 'France (FR)',
  timeZone: 'Europe/Paris',
  initialPassword: 'initial-Analyst-Notes-2026!',
  password: 'analyst-Notes-Chosen-2026!',
};

const JIT_REFERENCE = 'JIT-E2E-NOTES-NL-FR-005';
const NOTE_TITLE = 'Suspects and vehicles';
const ORIGINAL_BODY = '# Suspects\n\n- Suspect 1: seen in Rotterdam\n- Suspect 2: unknown\n';
const A_BODY = '# Suspects\n\n- Suspect 1: seen in Rotterdam on 3 March\n- Suspect 2: unknown\n';
const B_BODY = '# Suspects\n\n- Suspect 1: seen in Rotterdam\n- Suspect 2: identified in Lille (plate AB-123-CD)\n';

async function openEditor(page: Page, jit: Jit, note: Note): Promise<void> {
  await page.goto(`/jits/${jit.id}/notes/${note.id}/edit`);
  await expect(page.getByRole('heading', { name: 'Edit note' })).toBeVisible();
  await expect(page.getByTestId('editor-base-revision')).toHaveText(`Editing revision ${note.revision}`);
  // Live updates reach an open editor only over a connected socket.
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
  await expectAccessible(page, 'the note editor');
}

test.describe('notes: two writers save the same note; nothing is lost', () => {
  test.describe.configure({ mode: 'serial' });

  let jit: Jit;
  let note: Note;
  let xssNote: Note;
  let team: TeamInBrowsers | undefined;
  let pageA: Page;
  let pageB: Page;

  test.beforeAll(async ({ browser }) => {
    team = await teamInBrowsers(
      browser,
      {
        reference: JIT_REFERENCE,
        title: 'Operation Dune: vehicle thefts',
        purpose: 'Dismantle a network stealing vehicles in the Netherlands and reselling them in France.',
        lead: { country: 'NL', name: 'Netherlands', authority: 'Public Prosecution Service' },
        other: { country: 'FR', name: 'France', authority: 'Parquet de Lille' },
      },
      { leader: WRITER_A, members: [WRITER_B] },
      {
        arrange: async (apiA, created) => {
          note = await createNoteByApi(apiA, created, { title: NOTE_TITLE, body: ORIGINAL_BODY, tags: ['suspects'] });
          xssNote = await createNoteByApi(apiA, created, {
            title: 'Pasted from a web page',
            body: 'Harmless text before.\n\n<img src=x onerror="window.__xss=1">\n\n[a link](javascript:window.__xss=2)\n\n<script>window.__xss=3</script>\n\nHarmless text after.\n',
          });
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

  test('the notes tab lists the note', async () => {
    await pageB.goto(`/jits/${jit.id}`);
    await jitSection(pageB, 'Notes').click();
    await expect(pageB).toHaveURL(new RegExp(`/jits/${jit.id}/notes$`));
    const row = pageB.getByTestId(`note-row-${note.id}`);
    await expect(row).toContainText(NOTE_TITLE);
    await expect(row).toContainText('suspects');
    await expect(row).toContainText(WRITER_A.displayName);
    await expect(pageB.getByRole('link', { name: 'New note' })).toBeVisible();
    await expectAccessible(pageB, 'the notes list');
  });

  test('A and B edit the same revision; A saves first, B sees both versions and keeps their own', async () => {
    await openEditor(pageA, jit, note);
    await openEditor(pageB, jit, note);

    // B starts typing before A saves.
    await field(pageB, 'Text (Markdown)').fill(B_BODY);

    // A saves: revision 2.
    await field(pageA, 'Text (Markdown)').fill(A_BODY);
    await pageA.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(pageA).toHaveURL(new RegExp(`/jits/${jit.id}/notes/${note.id}$`));
    await expect(pageA.getByTestId('note-meta')).toContainText(`Revision 2, saved by ${WRITER_A.displayName}`);

    // B's open editor learns of it over the live connection, and keeps what B typed.
    const notice = pageB.getByTestId('saved-meanwhile');
    await expect(notice).toContainText('Saved by someone else meanwhile');
    await expect(notice).toContainText(`${WRITER_A.displayName} saved revision 2`);
    await expect(field(pageB, 'Text (Markdown)')).toHaveValue(B_BODY);

    // B saves on revision 1: refused, and both versions are shown side by side.
    await pageB.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = pageB.getByTestId('note-conflict');
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('heading', { name: 'Your version' })).toBeVisible();
    await expect(conflict.getByRole('heading', { name: `Saved by ${WRITER_A.displayName} (revision 2)` })).toBeVisible();
    await expect(pageB.getByTestId('conflict-mine-body')).toContainText('identified in Lille (plate AB-123-CD)');
    await expect(pageB.getByTestId('conflict-theirs-body')).toContainText('seen in Rotterdam on 3 March');
    await expect(conflict.getByRole('button', { name: 'Take theirs' })).toBeVisible();
    await expectAccessible(pageB, 'the conflict between two saves of a note');

    // B keeps their own: saved as revision 3 on top of A's revision 2.
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect(pageB).toHaveURL(new RegExp(`/jits/${jit.id}/notes/${note.id}$`));
    await expect(pageB.getByTestId('note-meta')).toContainText(`Revision 3, saved by ${WRITER_B.displayName}`);
    await expect(pageB.getByTestId('note-body')).toContainText('identified in Lille (plate AB-123-CD)');
    // The saved draft is gone from the device.
    expect(await pageB.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('jit.noteDraft.')))).toEqual([]);

    // A's page follows without a reload.
    await expect(pageA.getByTestId('note-meta')).toContainText('Revision 3');

    // The history has the three revisions, in their order, by their authors.
    await pageB.getByRole('link', { name: 'History' }).click();
    await expect(pageB.getByTestId(/^revision-row-\d+$/)).toHaveCount(3);
    await expect(pageB.getByTestId('revision-row-1')).toContainText(WRITER_A.displayName);
    await expect(pageB.getByTestId('revision-row-2')).toContainText(WRITER_A.displayName);
    await expect(pageB.getByTestId('revision-row-3')).toContainText(WRITER_B.displayName);
    // The diff of the newest against the one before shows B's line added and A's line removed.
    const diff = pageB.getByTestId('revision-diff');
    await expect(diff.locator('[data-kind="added"]', { hasText: 'identified in Lille' })).toHaveCount(1);
    await expect(diff.locator('[data-kind="removed"]', { hasText: 'on 3 March' })).toHaveCount(1);
    await expectAccessible(pageB, 'the history of a note with its differences');
  });

  test('a note with an XSS payload renders as harmless content', async () => {
    await pageA.goto(`/jits/${jit.id}/notes/${xssNote.id}`);
    const body = pageA.getByTestId('note-body');
    await expect(body).toContainText('Harmless text before.');
    await expect(body).toContainText('Harmless text after.');
    // The image is there (without its handler); wait until loading it has failed, when onerror would run.
    const image = body.locator('img');
    await expect(image).toHaveCount(1);
    await image.evaluate((img: HTMLImageElement) => (img.complete ? undefined : new Promise<void>((done) => img.addEventListener('error', () => done(), { once: true }))));
    expect(await image.getAttribute('onerror')).toBeNull();
    await expect(body.locator('script')).toHaveCount(0);
    // The javascript: link keeps its text and loses its address.
    const link = body.getByText('a link');
    await expect(link).toBeVisible();
    expect(await link.getAttribute('href')).toBeNull();
    await link.click();
    expect(await pageA.evaluate(() => window.__xss)).toBeUndefined();

    // The editor's live preview renders it the same way.
    await pageA.goto(`/jits/${jit.id}/notes/${xssNote.id}/edit`);
    await expect(pageA.getByTestId('note-preview')).toContainText('Harmless text after.');
    await pageA
      .getByTestId('note-preview')
      .locator('img')
      .evaluate((img: HTMLImageElement) => (img.complete ? undefined : new Promise<void>((done) => img.addEventListener('error', () => done(), { once: true }))));
    expect(await pageA.evaluate(() => window.__xss)).toBeUndefined();
  });
});
