import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Jit, Me } from '@jit/shared';
import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { jitAccess } from '../../../lib/permissions';
import { useCreateFolder, useFolders } from '../api/evidence';
import { folderOptions } from './metadata-fields';
import { UploadRow } from './upload-row';

interface QueuedFile {
  key: string;
  file: File;
}

/** The same file (name, size, date) is queued once: two transfers would resume the same upload. */
const identityOf = (file: File): string => [file.name, file.size, file.lastModified, file.type].join('|');

/** Files dropped or picked (one by one or a whole folder), each sent over tus while its description is written. */
export function UploadScreen({ jit, me }: { jit: Jit; me: Me }) {
  const { t } = useTranslation();
  const access = jitAccess(jit, me);
  const folders = useFolders(jit.id);
  const [queue, setQueue] = useState<QueuedFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const [defaultFolderId, setDefaultFolderId] = useState<string | null>(null);
  const counter = useRef(0);
  const filesInputId = useId();
  const folderInputId = useId();

  const addFiles = (files: FileList | File[] | null) => {
    if (!files) return;
    setQueue((previous) => {
      const known = new Set(previous.map((q) => identityOf(q.file)));
      const added: QueuedFile[] = [];
      for (const file of Array.from(files)) {
        const identity = identityOf(file);
        if (known.has(identity)) continue;
        known.add(identity);
        counter.current += 1;
        added.push({ key: `${counter.current}`, file });
      }
      return [...previous, ...added];
    });
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    // Only files: a dropped folder arrives as an empty entry, so folders go through the folder picker.
    addFiles(Array.from(event.dataTransfer.files).filter((f) => f.size > 0 || f.type !== ''));
  };

  if (!access.can('evidence.upload')) {
    return <Text c="dimmed">{t('evidence.upload.notAllowed')}</Text>;
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('evidence.upload.title')}</Title>
        <Anchor component={Link} to={`/jits/${jit.id}/evidence`}>
          {t('evidence.backToList')}
        </Anchor>
      </Group>
      <Paper
        withBorder
        p="xl"
        data-testid="drop-zone"
        data-dragging={dragging}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{ borderStyle: 'dashed', borderWidth: 2, background: dragging ? 'var(--mantine-color-blue-light)' : undefined }}
      >
        <Stack align="center" gap="sm">
          <Text>{t('evidence.upload.dropHere')}</Text>
          <Group>
            <div>
              <label htmlFor={filesInputId} style={{ display: 'block', fontWeight: 500, fontSize: 14 }}>
                {t('evidence.upload.filesLabel')}
              </label>
              <input
                id={filesInputId}
                type="file"
                multiple
                onChange={(e) => {
                  addFiles(e.currentTarget.files);
                  e.currentTarget.value = '';
                }}
              />
            </div>
            <div>
              <label htmlFor={folderInputId} style={{ display: 'block', fontWeight: 500, fontSize: 14 }}>
                {t('evidence.upload.folderLabel')}
              </label>
              <input
                id={folderInputId}
                type="file"
                multiple
                // Not in React's types: every file of the chosen folder, with its relative path.
                ref={(el) => {
                  el?.setAttribute('webkitdirectory', '');
                  el?.setAttribute('directory', '');
                }}
                onChange={(e) => {
                  addFiles(e.currentTarget.files);
                  e.currentTarget.value = '';
                }}
              />
            </div>
          </Group>
          <Text size="xs" c="dimmed">
            {t('evidence.upload.resumeHelp')}
          </Text>
        </Stack>
      </Paper>
      <Group align="flex-end">
        <Select label={t('evidence.upload.defaultFolder')} clearable data={folderOptions(folders.data ?? [])} value={defaultFolderId} onChange={setDefaultFolderId} w={320} />
        {access.can('folders.manage') && <NewFolderForm jitId={jit.id} onCreated={setDefaultFolderId} />}
      </Group>
      {queue.length === 0 && <Text c="dimmed">{t('evidence.upload.noFiles')}</Text>}
      {queue.map((queued) => (
        <UploadRow
          key={queued.key}
          jit={jit}
          file={queued.file}
          folders={folders.data ?? []}
          defaultFolderId={defaultFolderId}
          onRemove={() => setQueue((previous) => previous.filter((q) => q.key !== queued.key))}
        />
      ))}
    </Stack>
  );
}

function NewFolderForm({ jitId, onCreated }: { jitId: string; onCreated: (folderId: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateFolder(jitId);
  const folders = useFolders(jitId);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), parentId },
      {
        onSuccess: (folder) => {
          setName('');
          onCreated(folder.id);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <TextInput label={t('evidence.upload.newFolder')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Select
          label={t('evidence.upload.parentFolder')}
          placeholder={t('evidence.upload.topLevel')}
          data={folderOptions(folders.data ?? [])}
          value={parentId}
          onChange={setParentId}
          clearable
        />
        <Button type="submit" variant="light" loading={create.isPending}>
          {t('evidence.upload.createFolder')}
        </Button>
        <ErrorAlert error={create.error} />
      </Group>
    </form>
  );
}
