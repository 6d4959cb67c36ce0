// Why a sync failed, said for the person who can fix it, and whether trying again may help.

export const SYNC_ERROR_KINDS = [
  /** The Worker's own settings are missing or malformed (SHEET_ID, the key file, a var). */
  'config',
  /** Google refused the service account's credentials. */
  'auth',
  /** The service account may not read the sheet, or an API is not enabled. */
  'permission',
  /** No such spreadsheet, or no such tab. */
  'not-found',
  /** Too many requests: Google asked us to slow down. */
  'rate-limit',
  /** Google answered with a server error. */
  'unavailable',
  /** The request never got an answer. */
  'network',
  'timeout',
  /** Google answered 200 with something that is not the documented JSON. */
  'bad-response',
] as const;
export type SyncErrorKind = (typeof SYNC_ERROR_KINDS)[number];

const RETRYABLE: ReadonlySet<SyncErrorKind> = new Set([
  'rate-limit',
  'unavailable',
  'network',
  'timeout',
]);

export class SyncError extends Error {
  override name = 'SyncError';
  readonly kind: SyncErrorKind;
  /** What to do about it, in plain words ("Share the sheet with …"). */
  readonly action: string;
  /** The HTTP status Google answered with, when there was one. */
  readonly status: number | null;
  /** Seconds Google asked us to wait (Retry-After), when it said. */
  readonly retryAfter: number | null;

  constructor(
    kind: SyncErrorKind,
    message: string,
    options: {
      action?: string;
      status?: number | null;
      retryAfter?: number | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.action = options.action ?? '';
    this.status = options.status ?? null;
    this.retryAfter = options.retryAfter ?? null;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}
