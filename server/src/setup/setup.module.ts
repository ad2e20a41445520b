import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordModule } from '../record/record.module';
import { UsersModule } from '../users/users.module';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({ imports: [AuthModule, UsersModule, RecordModule], controllers: [SetupController], providers: [SetupService] })
export class SetupModule {}
