import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access/access.guard';
import { AccessService } from './access/access.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { PasswordService } from './auth/password.service';
import { SessionService } from './auth/session.service';
import { ErrorFilter } from './common/error.filter';
import { CONFIG, type AppConfig } from './config/config.schema';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { JitsController } from './jits/jits.controller';
import { JitsService } from './jits/jits.service';
import { MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';
import { RecordController } from './record/record.controller';
import { RecordService } from './record/record.service';
import { SetupController } from './setup/setup.controller';
import { SetupService } from './setup/setup.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [{ module: ConfigHolder, global: true, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] }, DatabaseModule],
      controllers: [HealthController, SetupController, AuthController, UsersController, JitsController, MembersController, RecordController],
      providers: [
        // The order of checks on every route starts here: the access guard runs before validation.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        AccessService,
        PasswordService,
        SessionService,
        LoginThrottleService,
        AuthService,
        SetupService,
        UsersService,
        JitsService,
        MembersService,
        RecordService,
      ],
    };
  }
}

@Module({})
class ConfigHolder {}
