import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown';

/** Markdown (notes, comments), rendered and sanitised (see lib/markdown.ts): the only HTML a note puts in the page. */
export function MarkdownView({ source, testId }: { source: string; testId?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <Typography>
      {/* Sanitised by renderMarkdown: no script, no event handler, no link other than http(s)/mailto. */}
      <div data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
