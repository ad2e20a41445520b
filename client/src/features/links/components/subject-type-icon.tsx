import { ThemeIcon } from '@mantine/core';
import type { WorkSubjectType } from '@jit/shared';
import { useTranslation } from 'react-i18next';

// Outline drawings on a 24-unit grid (a document, a notebook, a ticked box): three icons do not justify an icon library.
const SHAPES: Record<WorkSubjectType, { color: string; paths: string[] }> = {
  evidence: { color: 'indigo', paths: ['M14 3v4a1 1 0 0 0 1 1h4', 'M17 21H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h7l5 5v11a2 2 0 0 1-2 2z'] },
  note: { color: 'teal', paths: ['M6 4h11a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z', 'M9 4v16', 'M13 8h2', 'M13 12h2'] },
  task: { color: 'orange', paths: ['M9 11l3 3l8-8', 'M20 12v6a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h9'] },
};

/** The kind of a linked record at a glance; named for screen readers. */
export function SubjectTypeIcon({ type }: { type: WorkSubjectType }) {
  const { t } = useTranslation();
  const { color, paths } = SHAPES[type];
  return (
    <ThemeIcon variant="light" color={color} size="md" radius="sm" role="img" aria-label={t(`subjectTypes.${type}`)}>
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </ThemeIcon>
  );
}
