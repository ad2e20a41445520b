import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { RecordController } from './record.controller';
import { RecordService } from './record.service';

@Module({ imports: [AccessModule], controllers: [RecordController], providers: [RecordService], exports: [RecordService] })
export class RecordModule {}
