// Errors a caller can act on. None of them ever carries the API key: messages name the login at most.
import type { JustClickErrorKind } from '../domain/justclick.js';

export type { JustClickErrorKind };

export class JustClickError extends Error {
  override name = 'JustClickError';
  constructor(
    readonly kind: JustClickErrorKind,
    message: string,
    readonly details: { method?: string; login?: string; code?: number; status?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isJustClickError = (e: unknown, kind?: JustClickErrorKind): e is JustClickError =>
  e instanceof JustClickError && (kind === undefined || e.kind === kind);
