import { Module } from '@nestjs/common';
import { RecordModule } from '../record/record.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

@Module({
  imports: [RecordModule],
  controllers: [AuthController],
  providers: [PasswordService, SessionService, LoginThrottleService, AuthService],
  exports: [PasswordService, SessionService],
})
export class AuthModule {}
