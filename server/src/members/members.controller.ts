import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Member, UserLookupResult } from '@jit/shared';
import { Access, Context, CurrentJitAccess, type JitAccess, StepUp } from '../access';
import type { RequestContext } from '../common';
import { AddMemberDto, UpdateMemberDto } from './member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('jits/:jitId')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('members')
  @Access.jit('members.read')
  list(@CurrentJitAccess() access: JitAccess): Promise<Member[]> {
    return this.members.list(access);
  }

  @Post('members')
  @Access.jit('members.manage')
  @StepUp()
  add(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Body() dto: AddMemberDto): Promise<Member> {
    return this.members.add(context, access, dto);
  }

  @Patch('members/:memberId')
  @Access.jitMember('members.manage')
  @StepUp()
  update(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('memberId') memberId: string, @Body() dto: UpdateMemberDto): Promise<Member> {
    return this.members.update(context, access, memberId, dto);
  }

  @Delete('members/:memberId')
  @Access.jitMember('members.manage')
  @StepUp()
  revoke(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('memberId') memberId: string): Promise<Member> {
    return this.members.revoke(context, access, memberId);
  }

  /** How a leader finds the account to add: an exact email address only, so the directory cannot be browsed. */
  @Get('user-lookup')
  @ApiQuery({ name: 'email', required: true })
  @Access.jit('users.lookup')
  lookup(@Query('email') email: string | undefined): Promise<UserLookupResult> {
    return this.members.lookup(email);
  }
}
