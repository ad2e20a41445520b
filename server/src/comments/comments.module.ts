import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { JitsModule } from '../jits';
import { RecordModule } from '../record';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [CommentsController], providers: [CommentsService] })
export class CommentsModule {}
