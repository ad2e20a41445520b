import { useJitContext } from '../jits';
import { useMembers } from '../members';
import { useCurrentUser } from '../../lib/auth';
import { jitAccess } from '../../lib/permissions';
import { RecordView } from './components/record-view';

// The record screen, loaded on first visit (app/router.tsx): /jits/:jitId/record.
export function JitRecordRoute() {
  const jit = useJitContext();
  const me = useCurrentUser();
  const members = useMembers(jit.id);
  // Anyone who ever belonged to the team may appear as an actor in the record.
  const actors = [...new Map((members.data ?? []).map((m) => [m.userId, { userId: m.userId, displayName: m.displayName }])).values()];
  // Ids in the record read better as names: people, memberships and parties of this JIT.
  const names = new Map<string, string>([
    ...(members.data ?? []).flatMap((m): Array<[string, string]> => [
      [m.userId, m.displayName],
      [m.id, m.displayName],
    ]),
    ...jit.parties.map((p): [string, string] => [p.id, p.name]),
    [jit.id, jit.reference],
  ]);
  return <RecordView jitId={jit.id} actors={actors} names={names} canVerify={jitAccess(jit, me).can('record.verify')} />;
}
