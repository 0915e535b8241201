// Errors a caller can act on. None of them ever carries the API key: messages name the login at most.
import type { JustClickErrorKind } from '../domain/justclick.js';

export type { JustClickErrorKind };

export class JustClickError extends Error {
  override name = 'JustClickError';
  constructor(
    readonly kind: JustClickErrorKind,
    message: string,
    readonly details: {
      method?: string;
      login?: string;
      code?: number;
      status?: number;
      /** The answer's hash did not match our key: for a key not yet known to be right, most likely a wrong key. */
      unverified?: true;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isJustClickError = (e: unknown, kind?: JustClickErrorKind): e is JustClickError =>
  e instanceof JustClickError && (kind === undefined || e.kind === kind);
