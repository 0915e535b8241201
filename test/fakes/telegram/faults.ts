// Faults a test injects into the fake Telegram: the next matching calls fail as Telegram fails (429 with
// retry_after, 400 migrate, 403 blocked, 5xx), lose their connection, or meet a proxy's HTML page.

export type InjectedFailure =
  | { code: 429; retryAfter: number; description?: string }
  | { code: 400; description?: string; migrateToChatId?: number }
  | { code: number; description?: string }
  /** The connection is dropped without an answer. */
  | { network: 'reset' }
  /** A proxy's HTML error page with this status instead of Telegram's JSON (nginx's 404, a captive portal). */
  | { htmlPage: number };

export interface InjectOptions {
  /** How many matching calls fail (default 1; Infinity for "from now on"). */
  times?: number;
  /** Only calls to this chat match. */
  chatId?: number;
  /** How many matching calls go through first (default 0): e.g. the second part of a split message. */
  skip?: number;
}

interface Injection {
  method: string;
  failure: InjectedFailure;
  times: number;
  skip: number;
  chatId?: number;
}

export class Faults {
  private readonly injections: Injection[] = [];

  inject(method: string, failure: InjectedFailure, { times = 1, chatId, skip = 0 }: InjectOptions = {}): void {
    this.injections.push({ method, failure, times, skip, ...(chatId === undefined ? {} : { chatId }) });
  }

  clear(): void {
    this.injections.length = 0;
  }

  /** The failure this call meets, if any; counts it against the injection (a skipped call counts as let through). */
  meet(method: string, chatId: number | undefined): InjectedFailure | undefined {
    const injection = this.injections.find(
      (j) => j.times > 0 && j.method.toLowerCase() === method.toLowerCase() && (j.chatId === undefined || j.chatId === chatId),
    );
    if (!injection) return undefined;
    if (injection.skip > 0) {
      injection.skip--;
      return undefined;
    }
    injection.times--;
    return injection.failure;
  }
}

/** What Telegram answers for an injected failure: its code, its words, and the parameters a client acts on. */
export function failureAnswer(failure: Exclude<InjectedFailure, { network: 'reset' } | { htmlPage: number }>): {
  code: number;
  description: string;
  parameters: Record<string, number>;
} {
  const parameters: Record<string, number> = {};
  if ('retryAfter' in failure && failure.retryAfter !== undefined) parameters.retry_after = failure.retryAfter;
  if ('migrateToChatId' in failure && failure.migrateToChatId !== undefined) parameters.migrate_to_chat_id = failure.migrateToChatId;
  return { code: failure.code, description: failure.description ?? defaultDescription(failure), parameters };
}

function defaultDescription(failure: { code: number; retryAfter?: number; migrateToChatId?: number }): string {
  switch (failure.code) {
    case 429:
      return `Too Many Requests: retry after ${failure.retryAfter ?? 1}`;
    case 400:
      return failure.migrateToChatId !== undefined ? 'Bad Request: group chat was upgraded to a supergroup chat' : 'Bad Request: injected failure';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden: bot was blocked by the user';
    case 409:
      return 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
    case 502:
      return 'Bad Gateway';
    default:
      return failure.code >= 500 ? 'Internal Server Error' : `Error ${failure.code}`;
  }
}
