import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { JitsModule } from '../jits/jits.module';
import { RecordModule } from '../record/record.module';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [MembersController], providers: [MembersService] })
export class MembersModule {}
