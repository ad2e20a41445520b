import { Injectable } from '@nestjs/common';
import { EventBus } from '../common/event-bus';
import type { AuditAction, AuditSubjectType, AuditVisibility, FieldChange } from '@jit/shared';

/** An event of the record, announced once its transaction has committed. */
export interface RecordedEvent {
  chain: string;
  /** The JIT of a JIT chain, null on the platform chain. */
  jitId: string | null;
  seq: number;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  visibility: AuditVisibility;
  actorUserId: string | null;
  changes: FieldChange[];
}

/** In-process fan-out of committed record events (the realtime gateway listens; Redis carries them further). */
@Injectable()
export class RecordEvents extends EventBus<RecordedEvent> {}
