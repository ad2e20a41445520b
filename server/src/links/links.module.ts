import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { JitsModule } from '../jits/jits.module';
import { RecordModule } from '../record/record.module';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [LinksController], providers: [LinksService] })
export class LinksModule {}
