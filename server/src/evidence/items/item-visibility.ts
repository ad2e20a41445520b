import type { JitAccess } from '../../access/access.service';
import type { EvidenceItemRecord } from './evidence-item.entity';
import type { EvidenceVersionRecord } from './evidence-version.entity';

/**
 * An item is evidence for every member once it is no longer pending; a pending item is visible to
 * its creator alone, and only where the caller allows it (`ownPending`: following their own upload).
 */
export function itemVisible(access: Pick<JitAccess, 'user'>, item: Pick<EvidenceItemRecord, 'status' | 'createdBy'>, ownPending: boolean): boolean {
  return item.status !== 'pending' || (ownPending && item.createdBy === access.user.id);
}

/** A version is shown on its item once its bytes are in; a pending one to its uploader alone. */
export function versionVisible(access: Pick<JitAccess, 'user'>, version: Pick<EvidenceVersionRecord, 'status' | 'uploadedBy'>): boolean {
  return version.status !== 'pending' || version.uploadedBy === access.user.id;
}
