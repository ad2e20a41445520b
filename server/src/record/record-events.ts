import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
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
export class RecordEvents {
  private readonly emitter = new EventEmitter();

  publish(event: RecordedEvent): void {
    this.emitter.emit('recorded', event);
  }

  subscribe(listener: (event: RecordedEvent) => void): () => void {
    this.emitter.on('recorded', listener);
    return () => this.emitter.off('recorded', listener);
  }
}
