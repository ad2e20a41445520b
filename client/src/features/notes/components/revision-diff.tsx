import { Box, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { lineDiff, type DiffLineKind } from '../utils/line-diff';

const STYLE: Record<DiffLineKind, { prefix: string; background?: string; color?: string }> = {
  added: { prefix: '+', background: 'var(--mantine-color-green-light)', color: 'var(--mantine-color-green-light-color)' },
  removed: { prefix: '-', background: 'var(--mantine-color-red-light)', color: 'var(--mantine-color-red-light-color)' },
  same: { prefix: ' ' },
};

/** A line diff shown as text only: every line is a React text node, never HTML. */
export function TextDiff({ before, after, testId }: { before: string; after: string; testId?: string }) {
  const { t } = useTranslation();
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  const changed = lines.some((line) => line.kind !== 'same');
  return (
    <Box data-testid={testId}>
      {!changed && (
        <Text c="dimmed" size="sm" mb="xs">
          {t('notes.history.noDifference')}
        </Text>
      )}
      <Box
        component="pre"
        style={{
          fontFamily: 'var(--mantine-font-family-monospace)',
          fontSize: 13,
          margin: 0,
          overflowX: 'auto',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 4,
        }}
      >
        {lines.map((line, index) => (
          <div
            key={index}
            data-kind={line.kind}
            title={line.kind === 'same' ? undefined : t(`notes.history.${line.kind}`)}
            style={{ background: STYLE[line.kind].background, color: STYLE[line.kind].color, padding: '0 8px', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          >
            {STYLE[line.kind].prefix} {line.text}
          </div>
        ))}
      </Box>
    </Box>
  );
}
