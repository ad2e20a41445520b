import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ActiveSession, ApiToken, CreatedApiToken, Me } from '@jit/shared';
import { Access, Context, CurrentSession, CurrentUser, OptionalSession, StepUp } from '../access';
import type { RequestContext } from '../common';
import type { UserEntity } from '../users/entities';
import { ApiTokensService } from './api-tokens.service';
import { ChangePasswordDto, CreateApiTokenDto, LoginDto, UpdateProfileDto } from './auth.dto';
import { SecondFactorDto, StepUpDto } from './factors/second-factor.dto';
import { AuthService } from './auth.service';
import type { SessionEntity } from './session.entity';
import { SessionService, toActiveSession } from './session.service';

@ApiTags('sessions')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly apiTokens: ApiTokensService,
    private readonly sessionService: SessionService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Access.public()
  login(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<Me> {
    return this.auth.login(dto, request, response);
  }

  /** The second step of a sign-in with a second factor: a code from the app, or a recovery code. */
  @Post('second-factor')
  @HttpCode(200)
  @Access.authenticated({ sessionOnly: true, awaitingSecondFactor: true })
  completeSignIn(
    @CurrentUser() user: UserEntity,
    @CurrentSession() session: SessionEntity,
    @Body() dto: SecondFactorDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    return this.auth.completeSignIn(dto, user, session, request, response);
  }

  /** Proving again that it is you, before a sensitive action (routes marked `@StepUp()`). */
  @Post('step-up')
  @HttpCode(204)
  @Access.authenticated({ sessionOnly: true, pendingEnrolment: true })
  stepUp(
    @CurrentUser() user: UserEntity,
    @CurrentSession() session: SessionEntity,
    @Body() dto: StepUpDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    return this.auth.stepUp(dto, user, session, request, response);
  }

  @Post('logout')
  @HttpCode(204)
  @Access.authenticated({ allowPendingPasswordChange: true, sessionOnly: true, awaitingSecondFactor: true, pendingEnrolment: true })
  logout(@Context() context: RequestContext, @CurrentSession() session: SessionEntity, @Res({ passthrough: true }) response: Response): Promise<void> {
    return this.auth.logout(context, session, response);
  }

  @Get('me')
  @Access.authenticated({ allowPendingPasswordChange: true, awaitingSecondFactor: true, pendingEnrolment: true })
  me(@CurrentUser() user: UserEntity, @OptionalSession() session: SessionEntity | null): Promise<Me> {
    return this.auth.me(user, session);
  }

  @Patch('me')
  @Access.authenticated()
  updateProfile(@Context() context: RequestContext, @CurrentUser() user: UserEntity, @OptionalSession() session: SessionEntity | null, @Body() dto: UpdateProfileDto): Promise<Me> {
    return this.auth.updateProfile(context, user, session, dto);
  }

  @Post('password')
  @HttpCode(200)
  @Access.authenticated({ allowPendingPasswordChange: true, sessionOnly: true })
  changePassword(@Context() context: RequestContext, @CurrentUser() user: UserEntity, @CurrentSession() session: SessionEntity, @Body() dto: ChangePasswordDto): Promise<Me> {
    return this.auth.changePassword(context, user, session, dto);
  }

  /** Where the person is signed in: each live session with its browser, address and last activity. */
  @Get('sessions')
  @Access.authenticated({ sessionOnly: true })
  async sessions(@CurrentUser() user: UserEntity, @CurrentSession() session: SessionEntity): Promise<ActiveSession[]> {
    return (await this.sessionService.listLive(user.id)).map((live) => toActiveSession(live, session));
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @Access.authenticated({ sessionOnly: true })
  endSession(@Context() context: RequestContext, @CurrentUser() user: UserEntity, @CurrentSession() session: SessionEntity, @Param('sessionId') sessionId: string): Promise<void> {
    return this.auth.endSession(context, user, session, sessionId);
  }

  /** Personal API tokens of the signed-in person; the token itself is shown only at creation. */
  @Get('tokens')
  @Access.authenticated({ sessionOnly: true })
  tokens(@CurrentUser() user: UserEntity): Promise<ApiToken[]> {
    return this.apiTokens.list(user);
  }

  @Post('tokens')
  @Access.authenticated({ sessionOnly: true })
  @StepUp()
  createToken(@Context() context: RequestContext, @CurrentUser() user: UserEntity, @Body() dto: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.apiTokens.create(context, user, dto);
  }

  @Delete('tokens/:tokenId')
  @Access.authenticated({ sessionOnly: true })
  revokeToken(@Context() context: RequestContext, @CurrentUser() user: UserEntity, @Param('tokenId') tokenId: string): Promise<ApiToken> {
    return this.apiTokens.revoke(context, user, tokenId);
  }
}
