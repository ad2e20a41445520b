import { createHash } from 'node:crypto';
import { GENESIS_HASH, type AuditDetails } from '@jit/shared';
import { canonicalJson } from './canonical-json';
import type { AuditEventEntity } from './audit-event.entity';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const digestDetails = (details: AuditDetails): string => sha256(canonicalJson(details));

/** The fixed field list that enters an event's hash. Details enter only as their digest. */
export type HashedFields = Pick<
  AuditEventEntity,
  'chain' | 'seq' | 'occurredAt' | 'actorUserId' | 'actorPartyId' | 'action' | 'subjectType' | 'subjectId' | 'visibility' | 'detailsDigest'
>;

/** hash = SHA-256(prevHash ‖ canonical JSON of the fixed fields). */
export function eventHash(prevHash: string, event: HashedFields): string {
  const fields = {
    v: 1,
    chain: event.chain,
    seq: event.seq,
    occurredAt: event.occurredAt,
    actorUserId: event.actorUserId,
    actorPartyId: event.actorPartyId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    visibility: event.visibility,
    detailsDigest: event.detailsDigest,
  };
  return sha256(prevHash + canonicalJson(fields));
}

export interface VerificationProgress {
  expectedSeq: number;
  prevHash: string;
  firstBrokenSeq: number | null;
  count: number;
}

export const startVerification = (): VerificationProgress => ({ expectedSeq: 1, prevHash: GENESIS_HASH, firstBrokenSeq: null, count: 0 });

/**
 * Checks the next stored event against the chain so far: its number, its link to the previous
 * event, its details digest and its own hash. The first failure is kept; events are read in seq order.
 */
export function verifyNext(progress: VerificationProgress, event: AuditEventEntity): void {
  progress.count += 1;
  if (progress.firstBrokenSeq !== null) return;
  const intact =
    event.seq === progress.expectedSeq &&
    event.prevHash === progress.prevHash &&
    digestOfStored(event.details) === event.detailsDigest &&
    eventHash(progress.prevHash, event) === event.hash;
  if (!intact) {
    // A missing event shows as a jump in numbers: the first missing number is the broken one.
    progress.firstBrokenSeq = Math.min(event.seq, progress.expectedSeq);
    return;
  }
  progress.expectedSeq += 1;
  progress.prevHash = event.hash;
}

function digestOfStored(details: string): string | null {
  try {
    return digestDetails(JSON.parse(details) as AuditDetails);
  } catch {
    return null;
  }
}
