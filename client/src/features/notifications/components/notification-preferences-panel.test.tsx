import { NOTIFICATION_KINDS, type NotificationPreferences } from '@jit/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { NotificationPreferencesPanel } from './notification-preferences-panel';
import { json, stubFetch } from '../../../test/fetch';

/** Every kind on in the app, except mentions; a PATCH is saved, or answered by `refusal`. */
function serve(refusal?: Response) {
  let saved: NotificationPreferences = {
    preferences: NOTIFICATION_KINDS.map((kind) => ({ kind, channel: 'in_app', enabled: kind !== 'mentioned' })),
  };
  const patches: unknown[] = [];
  stubFetch(({ method, body }) => {
    if (method === 'PATCH') {
      const sent = body as NotificationPreferences;
      patches.push(sent);
      if (refusal) return refusal;
      saved = {
        preferences: saved.preferences.map((p) => sent.preferences.find((c) => c.kind === p.kind && c.channel === p.channel) ?? p),
      };
    }
    return json(200, saved);
  });
  return patches;
}

const toggle = (name: string) => screen.getByRole('switch', { name });

describe('NotificationPreferencesPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a switch per kind and channel and saves only what changed', async () => {
    const patches = serve();
    await renderWithProviders(<NotificationPreferencesPanel />);
    const assigned = await screen.findByRole('switch', { name: 'A task is assigned to me: In the app' });
    expect((assigned as HTMLInputElement).checked).toBe(true);
    expect((toggle('I am mentioned in a comment: In the app') as HTMLInputElement).checked).toBe(false);
    expect(screen.getAllByRole('switch')).toHaveLength(NOTIFICATION_KINDS.length);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save.hasAttribute('disabled')).toBe(true);

    fireEvent.click(toggle('A task of mine is overdue: In the app'));
    fireEvent.click(toggle('I am mentioned in a comment: In the app'));
    // Turned and turned back: nothing to send for it.
    fireEvent.click(assigned);
    fireEvent.click(assigned);
    fireEvent.click(save);

    await waitFor(() =>
      expect(patches).toEqual([
        {
          preferences: [
            { kind: 'task_overdue', channel: 'in_app', enabled: false },
            { kind: 'mentioned', channel: 'in_app', enabled: true },
          ],
        },
      ]),
    );
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect((toggle('A task of mine is overdue: In the app') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
  });

  it('says why a save was refused and keeps the choice', async () => {
    serve(json(400, { statusCode: 400, error: 'validation_failed', message: 'no', details: [{ field: 'preferences.0', code: 'not_unique' }] }));
    await renderWithProviders(<NotificationPreferencesPanel />);
    fireEvent.click(await screen.findByRole('switch', { name: 'A task of mine is due soon: In the app' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect((toggle('A task of mine is due soon: In the app') as HTMLInputElement).checked).toBe(false);
  });
});
