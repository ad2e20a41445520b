import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiError, ErrorCode } from '@jit/shared';
import { AppError } from './app-error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'validation_failed',
  429: 'too_many_attempts',
};

/** Every error leaves in the one shape `{ statusCode, error, message, details? }`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof AppError) return exception.body;
    // Errors of Express's body parser (malformed JSON, body too large) carry a status and a type.
    const parserError = exception as { status?: number; type?: string };
    if (parserError?.type === 'entity.parse.failed') {
      return { statusCode: 400, error: 'validation_failed', message: 'The request body is not valid JSON.' };
    }
    if (parserError?.type === 'entity.too.large') {
      return { statusCode: 413, error: 'validation_failed', message: 'The request body is too large.' };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const message = statusCode === 404 ? 'There is nothing at this address.' : exception.message;
      return { statusCode, error: CODE_BY_STATUS[statusCode] ?? 'internal_error', message };
    }
    return { statusCode: 500, error: 'internal_error', message: 'Something went wrong on the server; try again, and tell your administrator if it persists.' };
  }
}
