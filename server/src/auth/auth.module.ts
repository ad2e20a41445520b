import { Module } from '@nestjs/common';
import { Clock } from '../common';
import { PlatformModule } from '../platform';
import { RecordModule } from '../record';
import { AuthController } from './auth.controller';
import { ApiTokensService } from './api-tokens.service';
import { AuthService } from './auth.service';
import { SecondFactorsController } from './factors/second-factors.controller';
import { SecondFactorsService } from './factors/second-factors.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

@Module({
  imports: [RecordModule, PlatformModule],
  controllers: [AuthController, SecondFactorsController],
  providers: [PasswordService, SessionService, LoginThrottleService, AuthService, ApiTokensService, SecondFactorsService, Clock],
  exports: [PasswordService, SessionService, ApiTokensService, SecondFactorsService, Clock],
})
export class AuthModule {}
