import { Button, Group, MultiSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { COMMENT_LIMITS, type CommentSubjectType, type Jit } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { MarkdownView } from '../../../components/markdown-view';
import { PageLoader } from '../../../components/page-state';
import { jitAccess } from '../../../lib/permissions';
import { useMembers } from '../../members';
import { useComments, useCreateComment } from '../api/comments';

/** The comments on a note, a task or an evidence item, oldest first, and a form to add one. */
export function CommentsPanel({ jit, subjectType, subjectId }: { jit: Jit; subjectType: CommentSubjectType; subjectId: string }) {
  const { t } = useTranslation();
  // Comments are for the JIT's members (every role); the administrator who is not one does not see them.
  const access = jitAccess(jit, { isPlatformAdmin: false });
  const canRead = access.can('comments.read');
  const canWrite = canRead && access.can('comments.write') && jit.status !== 'closed';
  if (!canRead) return null;
  return (
    <Paper withBorder p="md" data-testid="comments-panel">
      <Stack>
        <Title order={4}>{t('comments.title')}</Title>
        <CommentList jit={jit} subjectType={subjectType} subjectId={subjectId} />
        {canWrite && <CommentForm jit={jit} subjectType={subjectType} subjectId={subjectId} />}
      </Stack>
    </Paper>
  );
}

function CommentList({ jit, subjectType, subjectId }: { jit: Jit; subjectType: CommentSubjectType; subjectId: string }) {
  const { t } = useTranslation();
  const comments = useComments(jit.id, subjectType, subjectId);
  const members = useMembers(jit.id);
  if (comments.isPending) return <PageLoader />;
  if (comments.isError) return <ErrorAlert error={comments.error} />;
  if (comments.data.length === 0) return <Text c="dimmed">{t('comments.none')}</Text>;
  const partyName = new Map(jit.parties.map((p) => [p.id, p.name]));
  const memberName = new Map((members.data ?? []).map((m) => [m.id, m.displayName]));
  return (
    <Stack gap="sm">
      {comments.data.map((comment, index) => (
        <Paper key={comment.id} withBorder p="sm" data-testid={`comment-${index}`}>
          <Text size="sm" c="dimmed">
            <Text span fw={600} c="var(--mantine-color-text)">
              {comment.authorName}
            </Text>{' '}
            ({partyName.get(comment.authorPartyId) ?? '?'}) · <InstantText value={comment.createdAt} />
          </Text>
          <MarkdownView source={comment.body} />
          {comment.mentions.length > 0 && (
            <Text size="sm" c="dimmed" data-testid={`comment-${index}-mentions`}>
              {t('comments.mentions', { names: comment.mentions.map((id) => memberName.get(id) ?? '?').join(', ') })}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function CommentForm({ jit, subjectType, subjectId }: { jit: Jit; subjectType: CommentSubjectType; subjectId: string }) {
  const { t } = useTranslation();
  const members = useMembers(jit.id);
  const create = useCreateComment(jit.id, subjectType, subjectId);
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const options = (members.data ?? []).filter((m) => m.active).map((m) => ({ value: m.id, label: m.displayName }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    create.mutate(
      { body, mentions },
      {
        onSuccess: () => {
          setBody('');
          setMentions([]);
        },
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <Textarea label={t('comments.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} maxLength={COMMENT_LIMITS.bodyMax} autosize minRows={2} />
        <MultiSelect label={t('comments.mention')} data={options} value={mentions} onChange={setMentions} maxValues={COMMENT_LIMITS.mentionsMax} searchable clearable />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} disabled={body.trim() === ''}>
            {t('comments.post')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
