import { ApiTokenRecord } from '../auth/api-token.entity';
import { Session } from '../auth/session.entity';
import { CommentRecord } from '../comments/comment.entity';
import { LoginThrottle } from '../auth/login-attempt.entity';
import { JitExtensionRecord } from '../jits/extension.entity';
import { JitAgreement } from '../jits/jit.entity';
import { JitParty } from '../jits/party.entity';
import { Membership } from '../members/membership.entity';
import { NoteRecord, NoteRevisionRecord } from '../notes/note.entity';
import { AuditEventRecord } from '../record/audit-event.entity';
import { ChainHead } from '../record/chain-head.entity';
import { EvidenceFolder, EvidenceItemRecord, EvidenceUpload, EvidenceVersionRecord } from '../evidence/entities';
import { JobLease } from '../jobs/job-lease.entity';
import { LinkRecord } from '../links/link.entity';
import { NotificationPreferenceRecord, NotificationRecord } from '../notifications/notification.entity';
import { SetupToken } from '../setup/setup-token.entity';
import { TaskRecord } from '../tasks/task.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
  User,
  Session,
  LoginThrottle,
  JitAgreement,
  JitParty,
  JitExtensionRecord,
  Membership,
  AuditEventRecord,
  ChainHead,
  SetupToken,
  EvidenceUpload,
  EvidenceItemRecord,
  EvidenceVersionRecord,
  EvidenceFolder,
  JobLease,
  ApiTokenRecord,
  NoteRecord,
  NoteRevisionRecord,
  TaskRecord,
  CommentRecord,
  LinkRecord,
  NotificationRecord,
  NotificationPreferenceRecord,
];
