import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { JobsModule } from '../jobs';
import { RecordModule } from '../record';
import { InAppChannel, NOTIFICATION_CHANNEL_LIST, type NotificationChannel } from './notification-channel';
import { NotificationEvents } from './notification-events';
import { NotificationRemindersService } from './notification-reminders.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [AccessModule, JobsModule, RecordModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationRemindersService,
    NotificationEvents,
    InAppChannel,
    // Email (or any other way out) becomes one more channel in this list.
    { provide: NOTIFICATION_CHANNEL_LIST, useFactory: (inApp: InAppChannel): NotificationChannel[] => [inApp], inject: [InAppChannel] },
  ],
  exports: [NotificationEvents, NotificationsService],
})
export class NotificationsModule {}
