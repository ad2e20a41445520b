import { Alert, Button, Group, Paper, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { NOTE_LIMITS, type Jit, type Me, type Note } from '@jit/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiRequestError } from '../../../lib/api-client';
import { useFieldErrors } from '../../../lib/field-errors';
import { usePresenceFocus } from '../../../lib/presence';
import { OthersEditingHint } from '../../presence';
import { fetchFreshNote, useCreateNote, useNote, useUpdateNote } from '../api/notes';
import { LeaveConfirmModal, useUnsavedChanges } from '../hooks/use-unsaved-changes';
import { clearDraft, draftKey, readDraft, sameContent, writeDraft, type NoteContent } from '../utils/drafts';
import { ConflictView } from './conflict-view';
import { MarkdownView } from '../../../components/markdown-view';
import { FormActions } from '../../../components/form-actions';

const EMPTY: NoteContent = { title: '', body: '', tags: [] };
const contentOf = (note: NoteContent | null): NoteContent => (note ? { title: note.title, body: note.body, tags: [...note.tags] } : EMPTY);
/** How long typing pauses before the draft is written to this device. */
const DRAFT_DELAY_MS = 300;

interface NoteEditorProps {
  jit: Jit;
  me: Me;
  /** The note as it was when the editor opened; null for a new note. */
  note: Note | null;
}

/**
 * Edits a note with a live preview. A save names the revision the editor was opened on; when someone
 * saved in between, the server refuses (409 stale_revision) and both versions are shown side by
 * side. What is typed is kept on this device until it is saved.
 */
export function NoteEditor({ jit, me, note }: NoteEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const noteId = note?.id ?? null;
  const key = draftKey(me.id, jit.id, noteId);
  const notesBase = `/jits/${jit.id}/notes`;
  // A new note has nobody to meet yet: the JIT alone, until it is saved.
  usePresenceFocus(jit.id, noteId, noteId !== null);

  // A draft left on this device comes back with the revision it was based on, so saving it still
  // compares against what was saved in between.
  const [initialDraft] = useState(() => {
    const draft = readDraft(key);
    if (!draft) return null;
    if (note && draft.baseRevision === null) return null;
    return draft;
  });
  const [content, setContent] = useState<NoteContent>(() => (initialDraft ? { title: initialDraft.title, body: initialDraft.body, tags: initialDraft.tags } : contentOf(note)));
  /** The saved content the editor compares with to know whether there is anything unsaved. */
  const [saved, setSaved] = useState<NoteContent>(() => contentOf(note));
  const [baseRevision, setBaseRevision] = useState<number | null>(() => initialDraft?.baseRevision ?? note?.revision ?? null);
  const [draftRestored, setDraftRestored] = useState(initialDraft !== null && !sameContent(contentOf(initialDraft), contentOf(note)));
  const [conflict, setConflict] = useState<Note | null>(null);
  const [conflictError, setConflictError] = useState<unknown>(null);

  const create = useCreateNote(jit.id);
  const update = useUpdateNote(jit.id, noteId ?? '');
  const mutation = note ? update : create;
  const fieldError = useFieldErrors(mutation.error);

  // The live note: the realtime layer invalidates it when someone else saves.
  const live = useNote(jit.id, noteId ?? '', { enabled: noteId !== null });
  const current = noteId ? (live.data ?? note) : null;
  const savedMeanwhile = current && baseRevision !== null && current.revision > baseRevision && !conflict && !mutation.isPending ? current : null;

  const dirty = !sameContent(content, saved);
  const { blocker, allowNavigation } = useUnsavedChanges(dirty);

  // The draft follows the typing (written shortly after it pauses, and at once when the page goes).
  const latest = useRef({ content, baseRevision, dirty });
  useEffect(() => {
    latest.current = { content, baseRevision, dirty };
    const timer = window.setTimeout(() => {
      if (dirty) writeDraft(key, content, baseRevision);
      else clearDraft(key);
    }, DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [content, baseRevision, dirty, key]);
  useEffect(() => {
    const flush = () => {
      if (latest.current.dirty) writeDraft(key, latest.current.content, latest.current.baseRevision);
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    };
  }, [key]);

  const finish = (savedNote: Note) => {
    clearDraft(key);
    latest.current.dirty = false;
    allowNavigation();
    setSaved(contentOf(savedNote));
    setBaseRevision(savedNote.revision);
    void navigate(`${notesBase}/${savedNote.id}`);
  };

  const onSaveError = (error: unknown) => {
    if (!noteId || !isApiRequestError(error) || error.code !== 'stale_revision') return;
    // Someone saved since: fetch what they saved and let the person choose, with both in view.
    fetchFreshNote(queryClient, jit.id, noteId).then(
      (theirs) => {
        setConflictError(null);
        setConflict(theirs);
      },
      (fetchError: unknown) => setConflictError(fetchError),
    );
  };

  const normalised = (): NoteContent => ({ title: content.title.trim(), body: content.body, tags: content.tags });

  const save = (base: number | null) => {
    const request = normalised();
    if (!note) {
      create.mutate(request, { onSuccess: finish });
      return;
    }
    update.mutate({ baseRevision: base ?? note.revision, ...request }, { onSuccess: finish, onError: onSaveError });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(baseRevision);
  };

  const keepMine = () => {
    if (!conflict) return;
    const base = conflict.revision;
    setBaseRevision(base);
    setConflict(null);
    save(base);
  };

  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = contentOf(conflict);
    setContent(theirs);
    setSaved(theirs);
    setBaseRevision(conflict.revision);
    setConflict(null);
    setDraftRestored(false);
    update.reset();
    clearDraft(key);
  };

  const discardDraft = () => {
    const fresh = contentOf(current);
    setContent(fresh);
    setSaved(fresh);
    setBaseRevision(current?.revision ?? null);
    setDraftRestored(false);
    clearDraft(key);
  };

  const cancel = () => void navigate(noteId ? `${notesBase}/${noteId}` : notesBase);

  if (conflict) {
    return (
      <>
        <ConflictView mine={content} theirs={conflict} onKeepMine={keepMine} onTakeTheirs={takeTheirs} pending={update.isPending} />
        <LeaveConfirmModal blocker={blocker} />
      </>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{note ? t('notes.editor.editTitle') : t('notes.editor.newTitle')}</Title>
          {baseRevision !== null && (
            <Text size="sm" c="dimmed" data-testid="editor-base-revision">
              {t('notes.editor.basedOn', { revision: baseRevision })}
            </Text>
          )}
        </Group>
        {draftRestored && (
          <Alert color="blue" title={t('notes.editor.draftRestoredTitle')} data-testid="draft-restored">
            <Stack gap="xs">
              <Text size="sm">{t('notes.editor.draftRestored')}</Text>
              <Group>
                <Button size="xs" variant="default" onClick={discardDraft}>
                  {t('notes.editor.discardDraft')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {noteId && <OthersEditingHint jitId={jit.id} noteId={noteId} me={me} />}
        {savedMeanwhile && (
          <Alert color="orange" title={t('notes.editor.savedMeanwhileTitle')} data-testid="saved-meanwhile">
            {t('notes.editor.savedMeanwhile', { name: savedMeanwhile.updatedByName, revision: savedMeanwhile.revision })}
          </Alert>
        )}
        <TextInput
          label={t('notes.fields.title')}
          required
          maxLength={NOTE_LIMITS.titleMax}
          value={content.title}
          onChange={(e) => {
            const title = e.currentTarget.value;
            setContent((c) => ({ ...c, title }));
          }}
          error={fieldError('title')}
        />
        <TagsInput
          label={t('notes.fields.tags')}
          description={t('notes.fields.tagsHelp', { max: NOTE_LIMITS.tagsMax })}
          value={content.tags}
          maxTags={NOTE_LIMITS.tagsMax}
          onChange={(tags) => setContent((c) => ({ ...c, tags: [...new Set(tags.map((tag) => tag.trim().slice(0, NOTE_LIMITS.tagMax)).filter(Boolean))] }))}
          clearable
          error={fieldError('tags')}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea
            label={t('notes.fields.body')}
            description={t('notes.fields.bodyHelp')}
            autosize
            minRows={14}
            maxRows={40}
            maxLength={NOTE_LIMITS.bodyMax}
            value={content.body}
            onChange={(e) => {
              const body = e.currentTarget.value;
              setContent((c) => ({ ...c, body }));
            }}
            error={fieldError('body')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('notes.editor.preview')}
            </Text>
            <Paper withBorder p="md" mih={200} data-testid="note-preview">
              {content.body.trim() ? <MarkdownView source={content.body} /> : <Text c="dimmed">{t('notes.editor.emptyPreview')}</Text>}
            </Paper>
          </div>
        </SimpleGrid>
        {dirty && (
          <Text size="xs" c="dimmed" data-testid="unsaved-indicator">
            {t('notes.editor.unsaved')}
          </Text>
        )}
        <ErrorAlert error={conflictError} />
        {!(isApiRequestError(mutation.error) && mutation.error.code === 'stale_revision') && <ErrorAlert error={mutation.error} shownFields={['title', 'body', 'tags']} />}
        <FormActions submitLabel={t('common.save')} loading={mutation.isPending} disabled={content.title.trim() === ''} onCancel={cancel} />
      </Stack>
      <LeaveConfirmModal blocker={blocker} />
    </form>
  );
}
