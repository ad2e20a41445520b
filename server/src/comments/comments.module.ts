import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { JitsModule } from '../jits/jits.module';
import { RecordModule } from '../record/record.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [CommentsController], providers: [CommentsService] })
export class CommentsModule {}
