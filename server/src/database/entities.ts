import { ApiTokenEntity, LoginThrottleEntity, RecoveryCodeEntity, SecondFactorEntity, SessionEntity } from '../auth/entities';
import { CommentEntity } from '../comments/entities';
import { JitEntity, JitExtensionEntity, JitPartyEntity } from '../jits/entities';
import { MembershipEntity } from '../members/entities';
import { NoteEntity, NoteRevisionEntity } from '../notes/entities';
import { PlatformSettingEntity } from '../platform/entities';
import { AuditEventEntity, ChainHeadEntity } from '../record/entities';
import { EvidenceFolderEntity, EvidenceItemEntity, EvidenceUploadEntity, EvidenceVersionEntity } from '../evidence/entities';
import { JobLeaseEntity } from '../jobs/entities';
import { LinkEntity } from '../links/entities';
import { NotificationPreferenceEntity, NotificationEntity } from '../notifications/entities';
import { SetupTokenEntity } from '../setup/entities';
import { TaskEntity } from '../tasks/entities';
import { UserEntity } from '../users/entities';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginThrottleEntity,
  JitEntity,
  JitPartyEntity,
  JitExtensionEntity,
  MembershipEntity,
  AuditEventEntity,
  ChainHeadEntity,
  SetupTokenEntity,
  EvidenceUploadEntity,
  EvidenceItemEntity,
  EvidenceVersionEntity,
  EvidenceFolderEntity,
  JobLeaseEntity,
  ApiTokenEntity,
  NoteEntity,
  NoteRevisionEntity,
  TaskEntity,
  CommentEntity,
  LinkEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  SecondFactorEntity,
  RecoveryCodeEntity,
  PlatformSettingEntity,
];
