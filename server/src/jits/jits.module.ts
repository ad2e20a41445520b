import { Module } from '@nestjs/common';
import { RecordModule } from '../record';
import { JitsController } from './jits.controller';
import { JitsService } from './jits.service';

@Module({ imports: [RecordModule], controllers: [JitsController], providers: [JitsService], exports: [JitsService] })
export class JitsModule {}
