import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { RecordController } from './record.controller';
import { RecordEvents } from './record-events';
import { RecordService } from './record.service';

@Module({ imports: [AccessModule], controllers: [RecordController], providers: [RecordService, RecordEvents], exports: [RecordService, RecordEvents] })
export class RecordModule {}
