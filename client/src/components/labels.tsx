import { Badge, Group } from '@mantine/core';

/** A task's labels as small outlined badges; nothing when it has none. */
export function Labels({ labels }: { labels: readonly string[] }) {
  if (labels.length === 0) return null;
  return (
    <Group gap={4}>
      {labels.map((label) => (
        <Badge key={label} size="xs" variant="outline">
          {label}
        </Badge>
      ))}
    </Group>
  );
}
