import { Module } from '@nestjs/common';
import { JitsModule } from '../jits/jits.module';
import { RecordModule } from '../record/record.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';

@Module({ imports: [JitsModule, RecordModule, SubjectsModule], controllers: [LinksController], providers: [LinksService] })
export class LinksModule {}
