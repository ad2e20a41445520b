import { HttpException } from '@nestjs/common';
import type { ApiError, ErrorCode, FieldError, Permission } from '@jit/shared';

/** An error a user can meet: a stable code the client translates, and a sentence in English for logs and API users. */
export class AppError extends HttpException {
  constructor(statusCode: number, code: ErrorCode, message: string, extra: { details?: FieldError[]; permission?: Permission } = {}) {
    const body: ApiError = { statusCode, error: code, message, ...extra };
    super(body, statusCode);
  }

  get body(): ApiError {
    return this.getResponse() as ApiError;
  }
}

export const notFound = (what = 'This record') => new AppError(404, 'not_found', `${what} does not exist or you have no access to it.`);

export const forbidden = (permission: Permission, message?: string) =>
  new AppError(403, 'forbidden', message ?? `You need the permission "${permission}" to do this; ask a leader of your JIT.`, { permission });

export const invalid = (details: FieldError[], message = 'Some fields are not valid; correct them and try again.') => new AppError(400, 'validation_failed', message, { details });

export const conflict = (code: ErrorCode, message: string) => new AppError(409, code, message);
