import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Note } from '@jit/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../../components/date-text';
import type { NoteContent } from '../utils/drafts';
import { comparableText } from '../utils/line-diff';
import { NoteTags } from './note-tags';
import { TextDiff } from './revision-diff';

interface ConflictViewProps {
  mine: NoteContent;
  theirs: Note;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  pending: boolean;
}

function VersionPanel({ heading, content, testId, children }: { heading: string; content: NoteContent; testId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="xs">
        <Title order={4}>{heading}</Title>
        {children}
        <Text fw={600} data-testid={`${testId}-title`}>
          {content.title}
        </Text>
        <NoteTags tags={content.tags} />
        {/* The Markdown as text, to compare what was typed. */}
        <Code block data-testid={`${testId}-body`} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', minHeight: 80 }}>
          {content.body || t('notes.conflict.emptyBody')}
        </Code>
      </Stack>
    </Paper>
  );
}

/** Someone saved while this person was editing: both versions side by side, nothing lost until a choice is made. */
export function ConflictView({ mine, theirs, onKeepMine, onTakeTheirs, pending }: ConflictViewProps) {
  const { t } = useTranslation();
  const tagsLabel = t('notes.fields.tags');
  return (
    <Stack data-testid="note-conflict">
      <Alert color="orange" title={t('notes.conflict.title')}>
        {t('notes.conflict.message', { name: theirs.updatedByName, revision: theirs.revision })}
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <VersionPanel heading={t('notes.conflict.mine')} content={mine} testId="conflict-mine" />
        <VersionPanel heading={t('notes.conflict.theirs', { name: theirs.updatedByName, revision: theirs.revision })} content={theirs} testId="conflict-theirs">
          <Text size="xs" c="dimmed">
            <InstantText value={theirs.updatedAt} />
          </Text>
        </VersionPanel>
      </SimpleGrid>
      <div>
        <Title order={5} mb="xs">
          {t('notes.conflict.differences')}
        </Title>
        <TextDiff before={comparableText(theirs, tagsLabel)} after={comparableText(mine, tagsLabel)} testId="conflict-diff" />
      </div>
      <Group>
        <Button onClick={onKeepMine} loading={pending}>
          {t('notes.conflict.keepMine')}
        </Button>
        <Button variant="default" onClick={onTakeTheirs} disabled={pending}>
          {t('notes.conflict.takeTheirs')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('notes.conflict.help')}
      </Text>
    </Stack>
  );
}
