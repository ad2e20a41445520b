import { Body, CanActivate, Controller, ExecutionContext, Get, Injectable, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Me, SetupStatus } from '@jit/shared';
import { Access } from '../access';
import { SetupDto } from '../auth';
import { SetupService } from './setup.service';

@Injectable()
class SetupTokenGuard implements CanActivate {
  constructor(private readonly setup: SetupService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const body = context.switchToHttp().getRequest<Request>().body as { setupToken?: unknown } | undefined;
    await this.setup.assertCanSetUp(body?.setupToken);
    return true;
  }
}

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Get()
  @Access.public()
  async status(): Promise<SetupStatus> {
    return { needsSetup: await this.setup.needsSetup() };
  }

  @Post()
  @Access.public()
  @UseGuards(SetupTokenGuard)
  complete(@Body() dto: SetupDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<Me> {
    return this.setup.complete(dto, request, response);
  }
}
