// One Google REST call: timeout, and Google's error JSON turned into a SyncError a person can act on.
import { z } from 'zod';
import { SyncError } from '../errors.ts';

/**
 * Google's JSON error body (Sheets v4 and Drive v3 both use it): reasons sit in `details` (with
 * metadata such as the service to enable), or in `errors` on older APIs.
 */
export const GoogleErrorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional() }).loose()).optional(),
    details: z
      .array(
        z
          .object({
            reason: z.string().optional(),
            metadata: z.record(z.string(), z.string()).optional(),
          })
          .loose(),
      )
      .optional(),
  }),
});

/** What the caller knows that turns a status into advice: which sheet, which account, which API. */
export interface CallContext {
  api: 'Google Sheets API' | 'Google Drive API';
  spreadsheetId: string;
  range?: string;
  clientEmail: string;
  projectId?: string;
}

export interface FetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export async function googleJson(
  url: string,
  init: RequestInit,
  context: CallContext,
  options: FetchOptions = {},
): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new SyncError(
        'timeout',
        `${context.api} did not answer within ${timeoutMs / 1000} s.`,
        { cause: error },
      );
    }
    throw new SyncError(
      'network',
      `Could not reach the ${context.api}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw classify(response, text, context);
  try {
    return JSON.parse(text);
  } catch {
    throw new SyncError(
      'bad-response',
      `The ${context.api} answered with something that is not JSON.`,
      {
        status: response.status,
      },
    );
  }
}

function retryAfterSeconds(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

/** Maps Google's answer to what went wrong and what a person should do about it. */
export function classify(response: Response, text: string, context: CallContext): SyncError {
  const status = response.status;
  let body: z.infer<typeof GoogleErrorBody>['error'] | undefined;
  try {
    body = GoogleErrorBody.safeParse(JSON.parse(text)).data?.error;
  } catch {
    body = undefined;
  }
  const googleSays = body?.message ? ` Google says: "${body.message}"` : '';
  const reasons = [...(body?.errors ?? []), ...(body?.details ?? [])].map((e) => e.reason ?? '');
  const options = { status, retryAfter: retryAfterSeconds(response) };
  const project = context.projectId ? ` in project ${context.projectId}` : '';

  if (status === 429 || reasons.some((r) => /rateLimitExceeded|RATE_LIMIT_EXCEEDED/i.test(r))) {
    return new SyncError(
      'rate-limit',
      `The ${context.api} asked us to slow down (HTTP ${status}).${googleSays}`,
      {
        ...options,
        action:
          'Nothing to do if it passes; if it lasts, lower the sync frequency (the cron in wrangler.toml).',
      },
    );
  }
  if (status >= 500) {
    return new SyncError(
      'unavailable',
      `The ${context.api} had a server error (HTTP ${status}).${googleSays}`,
      options,
    );
  }
  if (status === 401) {
    return new SyncError(
      'auth',
      `Google refused the service account's access token (HTTP 401).${googleSays}`,
      {
        ...options,
        action:
          'Check that GOOGLE_SERVICE_ACCOUNT holds a current key of an active service account.',
      },
    );
  }
  if (status === 403 && reasons.some((r) => /SERVICE_DISABLED|accessNotConfigured/i.test(r))) {
    return new SyncError(
      'permission',
      `The ${context.api} is not enabled${project}.${googleSays}`,
      {
        ...options,
        action: `Enable the ${context.api}${project} (Google Cloud console → APIs & Services → Library), then wait a few minutes.`,
      },
    );
  }
  if (status === 403) {
    return new SyncError(
      'permission',
      `The service account may not read spreadsheet ${context.spreadsheetId} (HTTP 403).${googleSays}`,
      {
        ...options,
        action: `Share the sheet with ${context.clientEmail} (Viewer is enough).`,
      },
    );
  }
  if (status === 404) {
    // Drive answers 404, not 403, for a file that exists but is not shared with the caller.
    return new SyncError(
      'not-found',
      `No spreadsheet ${context.spreadsheetId} is visible to the service account (HTTP 404).${googleSays}`,
      {
        ...options,
        action: `Check SHEET_ID (the long id in the sheet's address, between /d/ and /edit) and that the sheet is shared with ${context.clientEmail}.`,
      },
    );
  }
  if (status === 400 && context.range !== undefined && /range/i.test(body?.message ?? '')) {
    return new SyncError('not-found', `The sheet has no range '${context.range}'.${googleSays}`, {
      ...options,
      action:
        "Check SHEET_RANGE: the tab's name exactly as on its tab (or leave it empty for the first tab).",
    });
  }
  return new SyncError(
    'bad-response',
    `The ${context.api} refused the request (HTTP ${status}).${googleSays}`,
    options,
  );
}
