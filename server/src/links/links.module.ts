import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { JitsModule } from '../jits';
import { RecordModule } from '../record';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [LinksController], providers: [LinksService] })
export class LinksModule {}
