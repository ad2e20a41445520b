import { useJitContext } from '../jits';
import { useCurrentUser } from '../../lib/auth';
import { MembersList } from './components/members-list';

// The members screen, loaded on first visit (app/router.tsx): /jits/:jitId/members.
export function JitMembersRoute() {
  return <MembersList jit={useJitContext()} me={useCurrentUser()} />;
}
