import { Alert, Text } from '@mantine/core';
import type { Me } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { usePresence } from '../../../lib/presence';
import { othersOnNote, type PersonOnNote } from '../utils/presence';

function useOthersOnNote(jitId: string, noteId: string, me: Me): PersonOnNote[] {
  const online = usePresence(jitId);
  return online ? othersOnNote(online, noteId, me.id) : [];
}

/** "Also here: Lucía Fernández (editing), Hugo Lambert", near a note's title; nothing when alone. */
export function AlsoHere({ jitId, noteId, me }: { jitId: string; noteId: string; me: Me }) {
  const { t, i18n } = useTranslation();
  const others = useOthersOnNote(jitId, noteId, me);
  if (others.length === 0) return null;
  const names = others.map((person) => (person.editing ? t('presence.nameEditing', { name: person.displayName }) : person.displayName));
  return (
    <Text size="sm" c="dimmed" data-testid="also-here">
      {t('presence.alsoHere', { names: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names) })}
    </Text>
  );
}

/**
 * In the editor, when someone else edits the same note: whoever saves second is shown the conflict
 * (the editor's usual flow), so it is better to know before typing much.
 */
export function OthersEditingHint({ jitId, noteId, me }: { jitId: string; noteId: string; me: Me }) {
  const { t, i18n } = useTranslation();
  const editors = useOthersOnNote(jitId, noteId, me).filter((person) => person.editing);
  if (editors.length === 0) return null;
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(editors.map((person) => person.displayName));
  return (
    <Alert color="yellow" title={t('presence.othersEditingTitle')} data-testid="others-editing">
      {t('presence.othersEditing', { names })}
    </Alert>
  );
}
