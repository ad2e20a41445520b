import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LIMITS,
  type MarkNotificationsReadRequest,
  type NotificationChannelName,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationPreference,
  type NotificationPreferences,
} from '@jit/shared';
import { IsOmittable, queryBoolean } from '../common';

export class NotificationListQueryDto implements NotificationListQuery {
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  before?: string;

  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(NOTIFICATION_LIMITS.pageMax)
  limit?: number;

  @IsOmittable()
  @Transform(queryBoolean)
  @IsBoolean()
  unreadOnly?: boolean;
}

export class MarkNotificationsReadDto implements MarkNotificationsReadRequest {
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_LIMITS.markReadMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids?: string[];

  @IsOmittable()
  @IsBoolean()
  all?: boolean;
}

export class NotificationPreferenceDto implements NotificationPreference {
  @IsIn(NOTIFICATION_KINDS)
  kind: NotificationKind;

  @IsIn(NOTIFICATION_CHANNELS)
  channel: NotificationChannelName;

  @IsBoolean()
  enabled: boolean;
}

export class UpdateNotificationPreferencesDto implements NotificationPreferences {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length * NOTIFICATION_CHANNELS.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceDto)
  preferences: NotificationPreferenceDto[];
}
