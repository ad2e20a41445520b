import { IsIn, IsUUID } from 'class-validator';
import { WORK_SUBJECT_TYPES, type CreateLinkRequest, type LinkListQuery, type WorkSubjectType } from '@jit/shared';

export class CreateLinkDto implements CreateLinkRequest {
  @IsIn(WORK_SUBJECT_TYPES)
  fromType: WorkSubjectType;

  @IsUUID()
  fromId: string;

  @IsIn(WORK_SUBJECT_TYPES)
  toType: WorkSubjectType;

  @IsUUID()
  toId: string;
}

export class LinkListQueryDto implements LinkListQuery {
  @IsIn(WORK_SUBJECT_TYPES)
  subjectType: WorkSubjectType;

  @IsUUID()
  subjectId: string;
}
