import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Task, TaskListPage } from '@jit/shared';
import { Access, Context, CurrentJitAccess, CurrentUser, type JitAccess } from '../access';
import type { RequestContext } from '../common';
import type { UserEntity } from '../users/entities';
import { ChecklistIndexPipe, ChecklistItemDto, MoveTaskDto, TaskFieldsDto, TaskListQueryDto, UpdateTaskDto } from './task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** The caller's tasks across every JIT they belong to. */
  @Get('tasks/mine')
  @Access.authenticated()
  mine(@CurrentUser() user: UserEntity): Promise<Task[]> {
    return this.tasks.mine(user);
  }

  /** One page in board order; follow `nextCursor` for the rest. */
  @Get('jits/:jitId/tasks')
  @Access.jit('tasks.read')
  list(@CurrentJitAccess() access: JitAccess, @Query() query: TaskListQueryDto): Promise<TaskListPage> {
    return this.tasks.list(access, query);
  }

  @Post('jits/:jitId/tasks')
  @Access.jit('tasks.manage')
  create(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Body() dto: TaskFieldsDto): Promise<Task> {
    return this.tasks.create(context, access, dto);
  }

  @Get('jits/:jitId/tasks/:taskId')
  @Access.jit('tasks.read')
  get(@CurrentJitAccess() access: JitAccess, @Param('taskId') taskId: string): Promise<Task> {
    return this.tasks.get(access, taskId);
  }

  /** 409 `stale_revision` when the task changed since `baseUpdatedAt`: the edit is not applied over a change the leader has not seen. */
  @Patch('jits/:jitId/tasks/:taskId')
  @Access.jit('tasks.manage')
  update(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('taskId') taskId: string, @Body() dto: UpdateTaskDto): Promise<Task> {
    return this.tasks.update(context, access, taskId, dto);
  }

  /** Leaders and the task's assignee move it between status columns. */
  @Post('jits/:jitId/tasks/:taskId/move')
  @HttpCode(200)
  @Access.jitTaskMove()
  move(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('taskId') taskId: string, @Body() dto: MoveTaskDto): Promise<Task> {
    return this.tasks.move(context, access, taskId, dto);
  }

  /** Leaders and the task's assignee tick or untick one checklist item, naming it by its place and its current text. */
  @Patch('jits/:jitId/tasks/:taskId/checklist/:index')
  @Access.jitTaskMove()
  tickChecklistItem(
    @Context() context: RequestContext,
    @CurrentJitAccess() access: JitAccess,
    @Param('taskId') taskId: string,
    @Param('index', ChecklistIndexPipe) index: number,
    @Body() dto: ChecklistItemDto,
  ): Promise<Task> {
    return this.tasks.tickChecklistItem(context, access, taskId, index, dto);
  }
}
