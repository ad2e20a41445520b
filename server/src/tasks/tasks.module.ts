import { Module } from '@nestjs/common';
import { JitsModule } from '../jits/jits.module';
import { RecordModule } from '../record/record.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [JitsModule, RecordModule], controllers: [TasksController], providers: [TasksService] })
export class TasksModule {}
