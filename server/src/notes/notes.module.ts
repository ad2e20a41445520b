import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { JitsModule } from '../jits';
import { RecordModule } from '../record';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [NotesController], providers: [NotesService] })
export class NotesModule {}
