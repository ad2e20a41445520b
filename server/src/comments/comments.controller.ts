import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Comment } from '@jit/shared';
import { Access, Context, CurrentJitAccess, type JitAccess } from '../access';
import type { RequestContext } from '../common';
import { CommentListQueryDto, CreateCommentDto } from './comment.dto';
import { CommentsService } from './comments.service';

@ApiTags('comments')
@Controller('jits/:jitId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @Access.jit('comments.read')
  list(@CurrentJitAccess() access: JitAccess, @Query() query: CommentListQueryDto): Promise<Comment[]> {
    return this.comments.list(access, query);
  }

  @Post()
  @Access.jit('comments.write')
  create(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Body() dto: CreateCommentDto): Promise<Comment> {
    return this.comments.create(context, access, dto);
  }
}
