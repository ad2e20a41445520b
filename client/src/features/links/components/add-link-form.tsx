import { Button, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { WORK_SUBJECT_TYPES, type WorkSubjectRef, type WorkSubjectSummary, type WorkSubjectType } from '@jit/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { useEvidenceCandidates, useNoteCandidates, useTaskCandidates, type LinkCandidates } from '../api/link-candidates';
import { useCreateLink } from '../api/links';

const SEARCH_DELAY_MS = 300;
/** The most options the dropdown shows at once; typing narrows them. */
const SHOWN_OPTIONS = 50;

const keyOf = (ref: WorkSubjectRef) => `${ref.type}:${ref.id}`;

interface AddLinkFormProps {
  jitId: string;
  subject: WorkSubjectRef;
  /** The records already linked, left out of the choice (as is the subject itself). */
  linked: readonly WorkSubjectRef[];
  onDone: () => void;
}

/** Choose a kind of record, find one by its title, link it to the subject. */
export function AddLinkForm({ jitId, subject, linked, onDone }: AddLinkFormProps) {
  const { t } = useTranslation();
  const create = useCreateLink(jitId, subject.type, subject.id);
  const fieldError = useFieldErrors(create.error);
  const [type, setType] = useState<WorkSubjectType>('evidence');
  const [chosen, setChosen] = useState<WorkSubjectSummary | null>(null);
  const typeLabelId = useId();
  const excluded = new Set([subject, ...linked].map(keyOf));

  // A new choice makes the last refusal moot.
  const choose = (record: WorkSubjectSummary | null) => {
    create.reset();
    setChosen(record);
  };
  const chooseType = (value: WorkSubjectType) => {
    choose(null);
    setType(value);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    create.mutate({ toType: chosen.type, toId: chosen.id }, { onSuccess: onDone });
  };

  const picker = { jitId, excluded, chosen, onChoose: choose, error: fieldError('toId') };
  return (
    <Paper withBorder p="sm" data-testid="add-link-form">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <ErrorAlert error={create.error} shownFields={['toId']} />
          <div>
            <Text size="sm" fw={500} mb={4} id={typeLabelId}>
              {t('links.type')}
            </Text>
            <SegmentedControl
              aria-labelledby={typeLabelId}
              value={type}
              onChange={(value) => chooseType(value as WorkSubjectType)}
              data={WORK_SUBJECT_TYPES.map((value) => ({ value, label: t(`subjectTypes.${value}`) }))}
            />
          </div>
          {type === 'evidence' && <EvidencePicker {...picker} />}
          {type === 'note' && <NotePicker {...picker} />}
          {type === 'task' && <TaskPicker {...picker} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!chosen}>
              {t('links.link')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

interface PickerProps {
  jitId: string;
  excluded: ReadonlySet<string>;
  chosen: WorkSubjectSummary | null;
  onChoose: (record: WorkSubjectSummary | null) => void;
  error: string | undefined;
}

// One picker per kind, so only the chosen kind's list is fetched.
function EvidencePicker({ jitId, ...props }: PickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, SEARCH_DELAY_MS);
  return <RecordSelect {...props} candidates={useEvidenceCandidates(jitId, debounced)} search={search} onSearchChange={setSearch} />;
}

function NotePicker({ jitId, ...props }: PickerProps) {
  return <RecordSelect {...props} candidates={useNoteCandidates(jitId)} />;
}

function TaskPicker({ jitId, ...props }: PickerProps) {
  return <RecordSelect {...props} candidates={useTaskCandidates(jitId)} />;
}

interface RecordSelectProps extends Omit<PickerProps, 'jitId'> {
  candidates: LinkCandidates;
  search?: string;
  onSearchChange?: (search: string) => void;
}

function RecordSelect({ candidates, excluded, chosen, onChoose, error, search, onSearchChange }: RecordSelectProps) {
  const { t } = useTranslation();
  const records = candidates.records.filter((record) => !excluded.has(keyOf(record)));
  // The chosen record stays an option while a search for its title is on its way, so the choice holds.
  if (chosen && !records.some((record) => record.id === chosen.id)) records.unshift(chosen);
  return (
    <>
      <Select
        label={t('links.record')}
        placeholder={t('links.recordPlaceholder')}
        data={records.map((record) => ({ value: record.id, label: record.title }))}
        value={chosen?.id ?? null}
        onChange={(id) => onChoose(records.find((record) => record.id === id) ?? null)}
        searchable
        clearable
        searchValue={search}
        onSearchChange={onSearchChange}
        limit={SHOWN_OPTIONS}
        nothingFoundMessage={candidates.isPending ? t('common.loading') : t('links.noMatch')}
        error={error}
      />
      <ErrorAlert error={candidates.error} />
    </>
  );
}
