import { NOTIFICATION_KINDS, type Notification } from '@jit/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { notificationSentence } from './notification-text';

const about = (kind: Notification['kind'], subject: Notification['subject'], actorName: string | null = 'Anna Leader') => ({ kind, subject, actorName });
const task = { type: 'task', id: 't1', title: 'Interview witness W' } as const;

describe('notificationSentence', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('says each kind as a sentence in English', async () => {
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n);
    expect(notificationSentence(t, about('task_assigned', task))).toBe('Anna Leader assigned you the task “Interview witness W”');
    expect(notificationSentence(t, about('mentioned', { type: 'note', id: 'n1', title: 'Suspects' }))).toBe('Anna Leader mentioned you on the note “Suspects”');
    expect(notificationSentence(t, about('task_due_soon', task, null))).toBe('Task “Interview witness W” is due soon');
    expect(notificationSentence(t, about('task_overdue', task, null))).toBe('Task “Interview witness W” is overdue');
    expect(notificationSentence(t, about('evidence_from_other_party', { type: 'evidence', id: 'e1', title: 'Harbour photo' }))).toBe(
      'New evidence from another party: “Harbour photo”',
    );
    // An assignment whose author is unknown still reads as a sentence.
    expect(notificationSentence(t, about('task_assigned', task, null))).toBe('Someone assigned you the task “Interview witness W”');
  });

  it.each(['fr', 'es'])('says every kind in %s, with the title and never a raw key', async (language) => {
    await i18n.changeLanguage(language);
    const t = i18n.t.bind(i18n);
    for (const kind of NOTIFICATION_KINDS) {
      const sentence = notificationSentence(t, about(kind, task));
      expect(sentence).toContain('Interview witness W');
      expect(sentence).not.toMatch(/notificationSentences|\{\{/);
    }
    expect(notificationSentence(t, about('mentioned', { type: 'evidence', id: 'e1', title: 'Photo' }))).toBe(
      language === 'fr' ? 'Anna Leader vous a mentionné dans l’élément de preuve « Photo »' : 'Anna Leader le mencionó en el elemento de prueba «Photo»',
    );
  });
});
