import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { AuthModule } from '../auth';
import { NotificationsModule } from '../notifications';
import { RecordModule } from '../record';
import { AccessExpiryWatch } from './access-expiry.watch';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeRoomsService } from './realtime-rooms.service';

@Module({ imports: [AccessModule, AuthModule, NotificationsModule, RecordModule], providers: [RealtimeGateway, RealtimeRoomsService, AccessExpiryWatch] })
export class RealtimeModule {}
