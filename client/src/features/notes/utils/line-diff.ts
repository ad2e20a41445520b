import { diffLines } from 'diff';

export type DiffLineKind = 'added' | 'removed' | 'same';
export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

/** A line diff, one entry per line, for display as plain text. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const part of diffLines(before, after)) {
    const kind: DiffLineKind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    for (const line of text.split('\n')) lines.push({ kind, text: line });
  }
  return lines;
}

/** A revision as text to compare: the title, the tags, then the Markdown body. */
export const comparableText = (content: { title: string; body: string; tags: string[] }, tagsLabel: string): string =>
  `# ${content.title}\n${tagsLabel}: ${content.tags.join(', ')}\n\n${content.body}`;
