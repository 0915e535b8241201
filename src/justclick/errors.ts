// Errors a caller can act on. None of them ever carries the API key: messages name the login at most.

export type JustClickErrorKind =
  | 'wrong-key' // code 4: the hash does not match, i.e. a wrong key
  | 'unknown-login' // code 5
  | 'ip-denied' // code 6
  | 'account-disabled' // code 7
  | 'api-limited' // code 8: request limit reached or API switched off
  | 'unavailable' // network errors, timeouts, 5xx after retries
  | 'protocol'; // bad JSON, bad response hash, codes 1/2/3, unexpected shapes

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
