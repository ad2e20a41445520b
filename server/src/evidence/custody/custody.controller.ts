import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuditEvent, FixityResult } from '@jit/shared';
import { Access, Context, CurrentJitAccess, type JitAccess } from '../../access';
import type { RequestContext } from '../../common';
import { ItemsService } from '../items/items.service';
import { CustodyService, RangeNotSatisfiable } from './custody.service';
import { contentDisposition, reprDigest } from './http-range';

/** Types a browser may show inline without running anything; everything else is downloaded. */
const PREVIEWABLE = /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain|audio\/[\w.+-]+|video\/[\w.+-]+)$/;
/** Content is data, never a page: nothing in it may run, load or frame. */
const CONTENT_CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

@ApiTags('evidence')
@Controller('jits/:jitId')
export class CustodyController {
  constructor(
    private readonly items: ItemsService,
    private readonly custody: CustodyService,
  ) {}

  @Get('evidence/:itemId/custody')
  @Access.jit('evidence.read')
  custodyLog(@CurrentJitAccess() access: JitAccess, @Param('itemId') itemId: string): Promise<AuditEvent[]> {
    return this.custody.log(access, itemId);
  }

  /** Fixity check: recomputes each stored version's SHA-256 against the recorded one. */
  @Post('evidence/:itemId/verify')
  @HttpCode(200)
  @Access.jit('evidence.verify')
  async verify(@Context() context: RequestContext, @CurrentJitAccess() access: JitAccess, @Param('itemId') itemId: string): Promise<FixityResult[]> {
    await this.items.requireItem(access, itemId);
    return this.custody.verify(context, access.jit.id, itemId, access.membership?.partyId ?? null);
  }

  /** The bytes, with Range support; `disposition=inline` is a viewing, otherwise a download. Both are custody events. */
  @Get('evidence/:itemId/versions/:versionId/content')
  @ApiQuery({ name: 'disposition', required: false, enum: ['inline', 'attachment'] })
  @Access.jit('evidence.read')
  async content(
    @Context() context: RequestContext,
    @CurrentJitAccess() access: JitAccess,
    @Param('itemId') itemId: string,
    @Param('versionId') versionId: string,
    @Query('disposition') disposition: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { version } = await this.items.requireVersion(access, itemId, versionId);
    const mimeType = version.mimeType ?? 'application/octet-stream';
    const inline = disposition === 'inline' && PREVIEWABLE.test(mimeType);
    const { stream, range, size } = await this.custody.read(context, access, version, inline ? 'view' : 'download', request.headers.range).catch((error: unknown) => {
      if (error instanceof RangeNotSatisfiable) response.setHeader('Content-Range', `bytes */${error.size}`);
      throw error;
    });
    response.status(range ? 206 : 200);
    response.setHeader('Content-Type', inline ? (mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : mimeType) : 'application/octet-stream');
    response.setHeader('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', version.fileName));
    response.setHeader('Content-Security-Policy', CONTENT_CSP);
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('Accept-Ranges', 'bytes');
    response.setHeader('Repr-Digest', reprDigest(version.sha256 ?? ''));
    response.setHeader('Content-Length', String(range ? range.end - range.start + 1 : size));
    if (range) response.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    return new StreamableFile(stream);
  }
}
