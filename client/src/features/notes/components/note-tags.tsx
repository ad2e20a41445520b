import { Badge, Group } from '@mantine/core';

export function NoteTags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4}>
      {tags.map((tag) => (
        <Badge key={tag} variant="light" size="sm" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
