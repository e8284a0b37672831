import { z } from 'zod';

export const ErrorCodeSchema = z.enum([
  'INVALID_INPUT',
  'NOT_FOUND',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'IO_ERROR',
  'CORRUPT_FILE',
  'INTERNAL',
  /** Someone else saved the release since this copy of it was read. */
  'CONFLICT',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ResultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

/** An error a service means to report to the user, as opposed to a bug. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
