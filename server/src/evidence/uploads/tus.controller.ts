import { Controller, Delete, Head, HttpCode, Options, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, Context, CurrentJitAccess, type JitAccess } from '../../access';
import type { RequestContext } from '../../common';
import { requireTusVersion, TUS_EXTENSIONS, TUS_VERSION } from './tus-protocol';
import { UploadsService, type TusHeaders } from './uploads.service';

const header = (request: Request, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const tusHeaders = (request: Request): TusHeaders => ({
  tusResumable: header(request, 'tus-resumable'),
  uploadLength: header(request, 'upload-length'),
  uploadMetadata: header(request, 'upload-metadata'),
  uploadOffset: header(request, 'upload-offset'),
  contentType: header(request, 'content-type'),
  contentLength: header(request, 'content-length'),
});

/** The tus 1.0 endpoint (core, creation, termination): every tus client can upload and resume here. */
@ApiTags('evidence uploads (tus)')
@Controller('jits/:jitId/uploads')
export class TusController {
  constructor(private readonly uploads: UploadsService) {}

  /** Discovery: what this server supports. Says nothing about any JIT. */
  @Options()
  @HttpCode(204)
  @Access.public()
  options(@Res({ passthrough: true }) response: Response): void {
    response.setHeader('Tus-Resumable', TUS_VERSION);
    response.setHeader('Tus-Version', TUS_VERSION);
    response.setHeader('Tus-Extension', TUS_EXTENSIONS);
  }

  @Post()
  @HttpCode(201)
  @Access.jit('evidence.upload')
  async create(@CurrentJitAccess() access: JitAccess, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    requireTusVersion(header(request, 'tus-resumable'));
    const upload = await this.uploads.create(access, tusHeaders(request));
    response.setHeader('Tus-Resumable', TUS_VERSION);
    response.setHeader('Location', `/api/jits/${access.jit.id}/uploads/${upload.id}`);
    response.setHeader('Upload-Offset', '0');
  }

  @Head(':uploadId')
  @Access.jit('evidence.upload')
  async head(@CurrentJitAccess() access: JitAccess, @Param('uploadId') uploadId: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    requireTusVersion(header(request, 'tus-resumable'));
    const upload = await this.uploads.findForTus(access, uploadId);
    response.setHeader('Tus-Resumable', TUS_VERSION);
    response.setHeader('Upload-Offset', String(upload.offset));
    response.setHeader('Upload-Length', String(upload.length));
    response.setHeader('Cache-Control', 'no-store');
  }

  @Patch(':uploadId')
  @HttpCode(204)
  @Access.jit('evidence.upload')
  async append(
    @Context() context: RequestContext,
    @CurrentJitAccess() access: JitAccess,
    @Param('uploadId') uploadId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    requireTusVersion(header(request, 'tus-resumable'));
    const upload = await this.uploads.append(context, access, uploadId, tusHeaders(request), request);
    response.setHeader('Tus-Resumable', TUS_VERSION);
    response.setHeader('Upload-Offset', String(upload.offset));
  }

  @Delete(':uploadId')
  @HttpCode(204)
  @Access.jit('evidence.upload')
  async terminate(
    @CurrentJitAccess() access: JitAccess,
    @Param('uploadId') uploadId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    requireTusVersion(header(request, 'tus-resumable'));
    await this.uploads.terminate(access, uploadId);
    response.setHeader('Tus-Resumable', TUS_VERSION);
  }
}
