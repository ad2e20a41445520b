import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NotificationPage, NotificationPreferences } from '@jit/shared';
import { Access, CurrentUser } from '../access';
import type { UserEntity } from '../users/entities';
import { MarkNotificationsReadDto, NotificationListQueryDto, UpdateNotificationPreferencesDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

/** A person's own notifications across their JITs; each is shown only while they may still read its JIT and subject. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access.authenticated()
  list(@CurrentUser() user: UserEntity, @Query() query: NotificationListQueryDto): Promise<NotificationPage> {
    return this.notifications.list(user, query);
  }

  @Post('read')
  @HttpCode(204)
  @Access.authenticated()
  markRead(@CurrentUser() user: UserEntity, @Body() dto: MarkNotificationsReadDto): Promise<void> {
    return this.notifications.markRead(user, dto);
  }

  @Get('preferences')
  @Access.authenticated()
  preferences(@CurrentUser() user: UserEntity): Promise<NotificationPreferences> {
    return this.notifications.preferences(user);
  }

  @Patch('preferences')
  @Access.authenticated()
  updatePreferences(@CurrentUser() user: UserEntity, @Body() dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferences> {
    return this.notifications.updatePreferences(user, dto);
  }
}
