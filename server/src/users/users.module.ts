import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { RecordModule } from '../record';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuthModule, RecordModule], controllers: [UsersController], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
