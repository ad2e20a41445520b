import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access/access.guard';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import { ErrorFilter } from './common/error.filter';
import { CONFIG, type AppConfig } from './config/config.schema';
import { DatabaseModule } from './database/database.module';
import { EvidenceModule } from './evidence';
import { HealthModule } from './health/health.module';
import { JitsModule } from './jits/jits.module';
import { MembersModule } from './members/members.module';
import { CommentsModule } from './comments/comments.module';
import { LinksModule } from './links/links.module';
import { NotesModule } from './notes/notes.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlatformModule } from './platform/platform.module';
import { TasksModule } from './tasks/tasks.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RecordModule } from './record/record.module';
import { SetupModule } from './setup/setup.module';
import { StorageModule } from './storage/storage.module';
import { UsersModule } from './users/users.module';

@Module({})
class ConfigModule {}

/** One feature module per part of the domain; the access guard and the error shape apply to all. */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigModule, global: true, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] },
        DatabaseModule,
        StorageModule,
        AccessModule,
        AuthModule,
        PlatformModule,
        RecordModule,
        HealthModule,
        SetupModule,
        UsersModule,
        JitsModule,
        MembersModule,
        EvidenceModule,
        NotesModule,
        TasksModule,
        CommentsModule,
        LinksModule,
        NotificationsModule,
        RealtimeModule,
      ],
      providers: [
        // The order of checks on every route starts here: the access guard runs before validation.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
