import { expect, test, type Page } from '@playwright/test';
import type { Jit } from '@jit/shared';
import { type BrowserSession, expectNoPageErrors, field, jitSection, markDocument, type Person, sameDocument, teamInBrowsers, type TeamInBrowsers } from './helpers';
import { expectAccessible } from './accessibility';

const LEADER: Person = {
  email: 'lead.nl@jit-e2e-live.test',
  displayName: 'Eva Mulder',
  organisation: 'Openbaar Ministerie',
  country: 'NL',
  countryOption: 'Netherlands (NL)',
  timeZone: 'Europe/Amsterdam',
  initialPassword: 'initial-Lead-Live-2026!',
  password: 'lead-Live-Chosen-2026!',
};
/** The journey's subject: a member of the other party, watching the JIT on a phone-sized screen. */
const INVESTIGATOR: Person = {
  email: 'enqueteur.fr@jit-e2e-live.test',
  displayName: 'Camille Laurent',
  organisation: 'Police nationale',
  country: 'FR',
  countryOption: 'France (FR)',
  timeZone: 'Europe/Paris',
  initialPassword: 'initial-Investigator-Live-2026!',
  password: 'investigator-Live-Chosen-2026!',
};

const JIT_REFERENCE = 'JIT-E2E-LIVE-NL-FR-004';
const JIT_TITLE = 'Operation Canal: stolen art';
const NEW_TITLE = `${JIT_TITLE} (live)`;
const PHONE = { width: 390, height: 844 };
const NOT_FOUND = 'This could not be found. It may not exist, or you may not have access to it.';
/**
 * The server pushes nothing to a person whose membership is revoked (they leave the JIT's rooms
 * before the event goes out); the client rechecks the open JIT every 30 s (ACCESS_RECHECK_MS).
 */
const REVOCATION_NOTICED_MS = 45_000;

/** The socket.io frames a page receives, as text (`42["jit:event",{…}]`). */
function recordSocketFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/socket.io/')) return;
    socket.on('framereceived', (frame) => frames.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8')));
  });
  return frames;
}

test.describe('live updates: a change by one member appears on another member’s screen', () => {
  test.describe.configure({ mode: 'serial' });

  let jit: Jit;
  let team: TeamInBrowsers | undefined;
  let leader: BrowserSession;
  let investigator: BrowserSession;
  let investigatorFrames: string[] = [];

  test.beforeAll(async ({ browser }) => {
    // The leader on a desktop; the investigator on a phone-sized screen, its frames recorded from the first socket on.
    team = await teamInBrowsers(
      browser,
      {
        reference: JIT_REFERENCE,
        title: JIT_TITLE,
        purpose: 'Recover the paintings taken from a museum in Amsterdam and offered for sale in Lyon.',
        lead: { country: 'NL', name: 'Netherlands', authority: 'Public Prosecution Service' },
        other: { country: 'FR', name: 'France', authority: 'Parquet de Lyon' },
      },
      { leader: LEADER, members: [INVESTIGATOR] },
      { memberBrowser: { viewport: PHONE, watch: (page) => (investigatorFrames = recordSocketFrames(page)) } },
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

  test('the top bar shows the live connection, on a small screen too', async () => {
    const status = investigator.page.getByTestId('connection-status');
    await expect(status).toHaveAttribute('data-state', 'online');
    await expect(status).toHaveText('Online');
    // Not tucked away: inside the phone's viewport.
    const box = await status.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    expect(box?.y ?? PHONE.height).toBeLessThan(PHONE.height);

    await expect(leader.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
  });

  test('the leader amends the title; the investigator’s overview shows it without a reload', async () => {
    await leader.page.goto(`/jits/${jit.id}`);
    await investigator.page.goto(`/jits/${jit.id}`);
    await expect(investigator.page.getByRole('heading', { name: JIT_TITLE, exact: true })).toBeVisible();
    // The socket is connected again after the navigation (goto loads the app afresh).
    await expect(investigator.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
    // A reload would start a new document: mark this one to prove it is still the same afterwards.
    await markDocument(investigator.page);

    await leader.page.getByRole('button', { name: 'Edit agreement' }).click();
    await expectAccessible(leader.page, 'the form amending an active JIT’s agreement');
    await field(leader.page, 'Title').fill(NEW_TITLE);
    await leader.page.getByRole('button', { name: 'Save agreement' }).click();
    await expect(leader.page.getByRole('heading', { name: NEW_TITLE, exact: true })).toBeVisible();

    await expect(investigator.page.getByRole('heading', { name: NEW_TITLE, exact: true })).toBeVisible();
    expect(await sameDocument(investigator.page)).toBe(true);
    // It came over the socket: an event with ids only (no title), then a refetch over REST.
    const events = investigatorFrames.filter((frame) => frame.startsWith('42["jit:event"'));
    expect(events.some((frame) => frame.includes('"action":"jit.updated"') && frame.includes(jit.id))).toBe(true);
    expect(events.every((frame) => !frame.includes(NEW_TITLE))).toBe(true);

    const status = investigator.page.getByTestId('connection-status');
    await expect(status).toHaveAttribute('data-state', 'online');
    await expect(status).toHaveText('Online');
  });

  test('a change made while the investigator is offline appears once the connection is back', async () => {
    const page = investigator.page;
    const status = page.getByTestId('connection-status');
    await investigator.context.setOffline(true);
    await expect(status).toHaveAttribute('data-state', 'offline');
    await expect(status).toHaveText('Offline');
    await expectAccessible(page, 'a JIT overview while the connection is lost');

    await leader.page.getByRole('button', { name: 'Edit agreement' }).click();
    await field(leader.page, 'Title').fill(`${NEW_TITLE} again`);
    await leader.page.getByRole('button', { name: 'Save agreement' }).click();
    await expect(leader.page.getByRole('heading', { name: `${NEW_TITLE} again`, exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: NEW_TITLE, exact: true })).toBeVisible();

    // Back online: the socket reconnects and the client replays the record after the last event it saw.
    const replay = page.waitForResponse((r) => /\/api\/jits\/[^/]+\/audit\?afterSeq=\d+&limit=500$/.test(r.url()) && r.ok());
    await investigator.context.setOffline(false);
    await expect(status).toHaveAttribute('data-state', 'online');
    await replay;
    await expect(page.getByRole('heading', { name: `${NEW_TITLE} again`, exact: true })).toBeVisible();
    expect(await sameDocument(page)).toBe(true);
  });

  test('the leader revokes the investigator; the investigator’s open overview turns to not-found without a reload', async () => {
    await jitSection(leader.page, 'Members').click();
    await leader.page.getByRole('button', { name: `Revoke ${INVESTIGATOR.displayName}` }).click();
    await expect(leader.page.getByRole('dialog', { name: 'Revoke access?' })).toBeVisible();
    await expectAccessible(leader.page, 'the confirmation revoking a member');
    await leader.page.getByRole('dialog').getByRole('button', { name: 'Revoke access' }).click();
    await expect(leader.page.getByTestId(`member-row-${INVESTIGATOR.email}`)).toHaveAttribute('data-active', 'false');

    const page = investigator.page;
    await expect(page.getByText(NOT_FOUND)).toBeVisible({ timeout: REVOCATION_NOTICED_MS });
    await expectAccessible(page, 'a JIT the reader may no longer see');
    await expect(page.getByRole('heading', { name: JIT_TITLE })).toHaveCount(0);
    expect(await sameDocument(page)).toBe(true);

    // "My JITs" (a client-side navigation) no longer lists it.
    await page.getByRole('link', { name: 'My JITs' }).click();
    await expect(page.getByRole('heading', { name: 'My JITs' })).toBeVisible();
    await expect(page.getByRole('link', { name: JIT_REFERENCE })).toHaveCount(0);
    expect(await sameDocument(page)).toBe(true);
  });
});
