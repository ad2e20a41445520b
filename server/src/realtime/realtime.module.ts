import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { AccessExpiryWatch } from './access-expiry.watch';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeRoomsService } from './realtime-rooms.service';

@Module({ imports: [AccessModule, AuthModule, NotificationsModule, RecordModule], providers: [RealtimeGateway, RealtimeRoomsService, AccessExpiryWatch] })
export class RealtimeModule {}
