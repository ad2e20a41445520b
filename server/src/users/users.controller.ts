import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserAccount } from '@jit/shared';
import { Access, Context, StepUp } from '../access';
import type { RequestContext } from '../common';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('accounts')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access.platform('users.read')
  list(): Promise<UserAccount[]> {
    return this.users.list();
  }

  @Post()
  @Access.platform('users.create')
  @StepUp()
  create(@Context() context: RequestContext, @Body() dto: CreateUserDto): Promise<UserAccount> {
    return this.users.create(context, dto);
  }

  @Patch(':userId')
  @Access.platform('users.update')
  @StepUp()
  update(@Context() context: RequestContext, @Param('userId') userId: string, @Body() dto: UpdateUserDto): Promise<UserAccount> {
    return this.users.update(context, userId, dto);
  }
}
