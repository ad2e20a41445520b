import { ApiTokenEntity } from '../auth/api-token.entity';
import { SessionEntity } from '../auth/session.entity';
import { CommentEntity } from '../comments/comment.entity';
import { LoginThrottleEntity } from '../auth/login-throttle.entity';
import { JitExtensionEntity } from '../jits/extension.entity';
import { JitEntity } from '../jits/jit.entity';
import { JitPartyEntity } from '../jits/party.entity';
import { MembershipEntity } from '../members/membership.entity';
import { NoteEntity, NoteRevisionEntity } from '../notes/note.entity';
import { AuditEventEntity } from '../record/audit-event.entity';
import { ChainHeadEntity } from '../record/chain-head.entity';
import { EvidenceFolderEntity, EvidenceItemEntity, EvidenceUploadEntity, EvidenceVersionEntity } from '../evidence/entities';
import { JobLeaseEntity } from '../jobs/job-lease.entity';
import { LinkEntity } from '../links/link.entity';
import { NotificationPreferenceEntity, NotificationEntity } from '../notifications/notification.entity';
import { SetupTokenEntity } from '../setup/setup-token.entity';
import { TaskEntity } from '../tasks/task.entity';
import { UserEntity } from '../users/user.entity';

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
];
