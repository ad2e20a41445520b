import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ConfirmedFactor, RecoveryCodes, SecondFactorOverview, TotpEnrolment } from '@jit/shared';
import { Access, Context, CurrentSession, CurrentUser, StepUp } from '../../access';
import type { RequestContext } from '../../common';
import type { UserEntity } from '../../users/entities';
import type { SessionEntity } from '../session.entity';
import { ConfirmTotpDto } from './second-factor.dto';
import { SecondFactorsService } from './second-factors.service';

/** The signed-in person's own second factors. Enrolling is open while the platform holds them back for one. */
@ApiTags('sessions')
@Controller('auth')
export class SecondFactorsController {
  constructor(private readonly factors: SecondFactorsService) {}

  @Get('factors')
  @Access.authenticated({ sessionOnly: true, pendingEnrolment: true })
  overview(@CurrentUser() user: UserEntity): Promise<SecondFactorOverview> {
    return this.factors.overview(user);
  }

  /** Begins enrolling an authenticator app: the secret and its QR code, shown once. */
  @Post('factors/totp')
  @Access.authenticated({ sessionOnly: true, pendingEnrolment: true })
  @StepUp()
  beginTotp(@CurrentUser() user: UserEntity): Promise<TotpEnrolment> {
    return this.factors.beginTotp(user);
  }

  /** Finishes it with the app's first code; the first factor brings ten recovery codes, shown once. */
  @Post('factors/totp/:factorId/confirm')
  @HttpCode(200)
  @Access.authenticated({ sessionOnly: true, pendingEnrolment: true })
  confirmTotp(
    @Context() context: RequestContext,
    @CurrentUser() user: UserEntity,
    @CurrentSession() session: SessionEntity,
    @Param('factorId') factorId: string,
    @Body() dto: ConfirmTotpDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConfirmedFactor> {
    return this.factors.confirmTotp(context, user, session, factorId, dto, request, response);
  }

  @Delete('factors/:factorId')
  @HttpCode(204)
  @Access.authenticated({ sessionOnly: true })
  @StepUp()
  remove(@Context() context: RequestContext, @CurrentUser() user: UserEntity, @Param('factorId') factorId: string): Promise<void> {
    return this.factors.remove(context, user, factorId);
  }

  /** Ten new recovery codes; the earlier ones stop working. */
  @Post('recovery-codes')
  @Access.authenticated({ sessionOnly: true })
  @StepUp()
  issueRecoveryCodes(@Context() context: RequestContext, @CurrentUser() user: UserEntity): Promise<RecoveryCodes> {
    return this.factors.issueRecoveryCodes(context, user);
  }
}
