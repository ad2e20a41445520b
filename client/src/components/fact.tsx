import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled value of a record's summary (an evidence item's metadata, a task's details); a dash when empty. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {children || '—'}
      </Text>
    </div>
  );
}
