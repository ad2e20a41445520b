import { useParams } from 'react-router';
import { useJitContext } from '../jits';
import { useCurrentUser } from '../../lib/auth';
import { EvidenceItemPage } from './components/evidence-item-page';
import { EvidenceList } from './components/evidence-list';
import { UploadScreen } from './components/upload-screen';

// The evidence screens, loaded on first visit (app/router.tsx): /jits/:jitId/evidence, …/new, …/:itemId.
export function JitEvidenceListRoute() {
  return <EvidenceList jit={useJitContext()} me={useCurrentUser()} />;
}

export function JitEvidenceUploadRoute() {
  return <UploadScreen jit={useJitContext()} me={useCurrentUser()} />;
}

export function JitEvidenceItemRoute() {
  const { itemId = '' } = useParams();
  // Keyed by item so that following a duplicate link starts the page afresh.
  return <EvidenceItemPage key={itemId} jit={useJitContext()} me={useCurrentUser()} itemId={itemId} />;
}
