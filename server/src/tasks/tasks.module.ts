import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { JitsModule } from '../jits/jits.module';
import { RecordModule } from '../record/record.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [TasksController], providers: [TasksService] })
export class TasksModule {}
