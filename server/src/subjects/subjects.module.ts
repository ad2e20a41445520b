import { Module } from '@nestjs/common';
import { WorkSubjectsService } from './work-subjects.service';

@Module({ providers: [WorkSubjectsService], exports: [WorkSubjectsService] })
export class SubjectsModule {}
