import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { COMMENT_LIMITS, COMMENT_SUBJECT_TYPES, type CommentListQuery, type CommentSubjectType, type CreateCommentRequest } from '@jit/shared';
import { IsOmittable } from '../common';

export class CreateCommentDto implements CreateCommentRequest {
  @IsIn(COMMENT_SUBJECT_TYPES)
  subjectType: CommentSubjectType;

  @IsUUID()
  subjectId: string;

  @IsString()
  @MinLength(1)
  @MaxLength(COMMENT_LIMITS.bodyMax)
  body: string;

  /** Membership ids of the people mentioned. */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(COMMENT_LIMITS.mentionsMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mentions?: string[];
}

export class CommentListQueryDto implements CommentListQuery {
  @IsIn(COMMENT_SUBJECT_TYPES)
  subjectType: CommentSubjectType;

  @IsUUID()
  subjectId: string;
}
