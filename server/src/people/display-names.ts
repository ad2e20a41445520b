import { EntityManager, In } from 'typeorm';
import { UserEntity } from '../users/entities';

/** The display names of the given accounts, by id, in one query; unknown or null ids are simply absent. */
export async function displayNames(manager: EntityManager, userIds: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const ids = [...new Set([...userIds].filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (ids.length === 0) return new Map();
  const users = await manager.getRepository(UserEntity).find({ select: { id: true, displayName: true }, where: { id: In(ids) } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}
