import { Body, Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Jit } from '@jit/shared';
import { Access, Context, CurrentJitAccess, CurrentSession, CurrentUser, type JitAccess, StepUp } from '../access';
import type { SessionEntity } from '../auth/entities';
import type { RequestContext } from '../common';
import type { UserEntity } from '../users/entities';
import { CreateExtensionDto, CreateJitDto, JitSecondFactorDto, UpdateJitDto } from './jit.dto';
import { JitsService } from './jits.service';

@ApiTags('JIT agreements')
@Controller('jits')
export class JitsController {
  constructor(private readonly jits: JitsService) {}

  /** The JITs the caller is a member of; the administrator: every space's agreement data. */
  @Get()
  @Access.authenticated()
  list(@CurrentUser() user: UserEntity): Promise<Jit[]> {
    return this.jits.listFor(user);
  }

  @Post()
  @Access.platform('jits.create')
  create(@Context() context: RequestContext, @Body() dto: CreateJitDto): Promise<Jit> {
    return this.jits.create(context, dto);
  }

  @Get(':jitId')
  @Access.jit('jit.read')
  get(@CurrentJitAccess() access: JitAccess): Promise<Jit> {
    return this.jits.get(access);
  }

  @Patch(':jitId')
  @Access.jit('jit.update')
  update(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Body() dto: UpdateJitDto): Promise<Jit> {
    return this.jits.update(context, access, dto);
  }

  /** Whether entering this JIT needs a second factor; members without one are asked to enrol. */
  @Put(':jitId/second-factor')
  @Access.jit('jit.update')
  @StepUp()
  requireSecondFactor(
    @Context() context: RequestContext,
    @CurrentJitAccess() access: JitAccess,
    @CurrentSession() session: SessionEntity,
    @Body() dto: JitSecondFactorDto,
  ): Promise<Jit> {
    return this.jits.requireSecondFactor(context, access, dto.required, session.authLevel === 'second_factor');
  }

  @Post(':jitId/activate')
  @HttpCode(200)
  @Access.jit('jit.activate')
  activate(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess): Promise<Jit> {
    return this.jits.activate(context, access);
  }

  @Post(':jitId/extensions')
  @Access.jit('jit.extend')
  extend(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Body() dto: CreateExtensionDto): Promise<Jit> {
    return this.jits.extend(context, access, dto);
  }

  @Post(':jitId/close')
  @HttpCode(200)
  @Access.jit('jit.close')
  close(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess): Promise<Jit> {
    return this.jits.close(context, access);
  }
}
