import { Module } from '@nestjs/common';
import { JitsModule } from '../jits/jits.module';
import { RecordModule } from '../record/record.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({ imports: [JitsModule, RecordModule, SubjectsModule], controllers: [CommentsController], providers: [CommentsService] })
export class CommentsModule {}
