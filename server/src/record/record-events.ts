import { Injectable } from '@nestjs/common';
import { EventBus } from '../common';
import type { AuditSubjectType, RecordAudience, TypedRecordChanges } from '@jit/shared';

/** An event of the record, announced once its transaction has committed. */
export type RecordedEvent = TypedRecordChanges & {
  chain: string;
  /** The JIT of a JIT chain, null on the platform chain. */
  jitId: string | null;
  seq: number;
  subjectType: AuditSubjectType;
  subjectId: string;
  /** Who may see it by its action; the gateway sends it to that audience's room. */
  audience: RecordAudience;
  actorUserId: string | null;
  actorPartyId: string | null;
};

/** In-process fan-out of committed record events (the realtime gateway listens; Redis carries them further). */
@Injectable()
export class RecordEvents extends EventBus<RecordedEvent> {}
