import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { JitsModule } from '../jits';
import { RecordModule } from '../record';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [TasksController], providers: [TasksService] })
export class TasksModule {}
