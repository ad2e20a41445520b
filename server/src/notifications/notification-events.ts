import { Injectable } from '@nestjs/common';
import { EventBus } from '../common';
import type { NotificationEventPayload } from '@jit/shared';

export type NotificationEvent = { type: 'new'; userId: string; payload: NotificationEventPayload } | { type: 'read'; userId: string };

/** In-process fan-out of committed notification changes to the realtime gateway (Redis carries them further). */
@Injectable()
export class NotificationEvents extends EventBus<NotificationEvent> {}
