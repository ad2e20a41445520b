import type { Notification } from '@jit/shared';
import type { TFunction } from 'i18next';

/**
 * A notification as a sentence in the reader's language, e.g. "Anna Leader assigned you the task
 * “Interview witness W”". The JIT's reference is shown beside it, not in it.
 */
export function notificationSentence(t: TFunction, notification: Pick<Notification, 'kind' | 'subject' | 'actorName'>): string {
  const title = notification.subject.title;
  return t(`notificationSentences.${notification.kind}`, {
    // Reminders have no actor; an assignment or mention whose author is gone still reads as a sentence.
    actor: notification.actorName ?? t('notifications.someone'),
    title,
    // A mention may be on a note, a task or an evidence item, each with its own article and gender.
    subject: t(`notifications.subjects.${notification.subject.type}`, { title }),
  });
}
