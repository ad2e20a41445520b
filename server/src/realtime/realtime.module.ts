import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordModule } from '../record/record.module';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeRoomsService } from './realtime-rooms.service';

@Module({ imports: [AuthModule, RecordModule], providers: [RealtimeGateway, RealtimeRoomsService] })
export class RealtimeModule {}
