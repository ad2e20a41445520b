import { Module } from '@nestjs/common';
import { RecordModule } from '../record';
import { AuthController } from './auth.controller';
import { ApiTokensService } from './api-tokens.service';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

@Module({
  imports: [RecordModule],
  controllers: [AuthController],
  providers: [PasswordService, SessionService, LoginThrottleService, AuthService, ApiTokensService],
  exports: [PasswordService, SessionService, ApiTokensService],
})
export class AuthModule {}
