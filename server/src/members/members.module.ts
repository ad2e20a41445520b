import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { JitsModule } from '../jits';
import { RecordModule } from '../record';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({ imports: [AccessModule, JitsModule, RecordModule], controllers: [MembersController], providers: [MembersService] })
export class MembersModule {}
