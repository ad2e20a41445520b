import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { RecordModule } from '../record';
import { UsersModule } from '../users';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({ imports: [AuthModule, UsersModule, RecordModule], controllers: [SetupController], providers: [SetupService] })
export class SetupModule {}
