import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { JitsModule } from '../jits/jits.module';
import { RecordModule } from '../record/record.module';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [NotesController], providers: [NotesService] })
export class NotesModule {}
