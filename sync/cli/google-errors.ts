// What a failed googleapis call means for the person at the keyboard: which email to share the
// sheet with, which API to enable in which project, when to wait. Quota and server errors stay
// retryable.
import { z } from 'zod';
import { SyncError } from '../errors.ts';
import { GoogleErrorBody } from '../google/http.ts';
import { TokenErrorBody } from '../google/token.ts';
import type { Access, Account } from './auth.ts';

/**
 * A GaxiosError, as far as we read it: the request's config (every failed call has one, which tells
 * it from a bug), Google's answer when there was one, the network error's code when there was not.
 */
const FailedCall = z
  .object({
    code: z.union([z.string(), z.number()]).optional(),
    config: z.object({ url: z.unknown().optional() }).loose(),
    response: z
      .object({ status: z.number(), data: z.unknown(), headers: z.unknown().optional() })
      .loose()
      .optional(),
  })
  .loose();

export interface CallContext {
  spreadsheetId: string;
  account: Account;
  access: Access;
}

const SHEETS_API = 'sheets.googleapis.com';

function retryAfterSeconds(headers: unknown): number | null {
  const value = headers instanceof Headers ? headers.get('retry-after') : null;
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

/** "Share the sheet with x@y as Editor", or, without an email, with the signed-in account. */
function shareAdvice(context: CallContext): string {
  const role = context.access === 'write' ? 'Editor' : 'Viewer (or Editor)';
  const who = context.account.email ?? 'the account your application-default credentials belong to';
  return `Share the sheet with ${who} as ${role}: open the sheet → Share → add the address → ${role.split(' ')[0]} → Send.`;
}

/** Turns what googleapis threw into a SyncError a person can act on; anything else is rethrown. */
export function explainGoogleError(error: unknown, context: CallContext): SyncError {
  if (error instanceof SyncError) return error;
  const call = FailedCall.safeParse(error);
  if (!call.success || !(error instanceof Error)) throw error;
  const { response } = call.data;
  const email = context.account.email ?? 'your application-default account';

  if (!response) {
    const code = String(call.data.code ?? '');
    const timedOut = /ETIMEDOUT|ESOCKETTIMEDOUT|ABORT/i.test(code) || error.name === 'AbortError';
    return new SyncError(
      timedOut ? 'timeout' : 'network',
      `Could not reach Google (${code || error.message}).`,
      {
        action: 'Check the internet connection (and any proxy), then run the command again.',
        cause: error,
      },
    );
  }

  const status = response.status;
  const options = { status, retryAfter: retryAfterSeconds(response.headers), cause: error };
  const tokenUri = context.account.tokenUri;
  if (
    tokenUri !== null &&
    String(call.data.config.url ?? '') === tokenUri &&
    status < 500 &&
    status !== 429
  ) {
    const said = TokenErrorBody.safeParse(response.data).data;
    return new SyncError(
      'auth',
      `Google refused the key of ${email} (HTTP ${status}${said ? `: ${said.error}${said.error_description ? ` – ${said.error_description}` : ''}` : ''}).`,
      {
        ...options,
        action:
          'The key may have been deleted or the service account disabled: create a new JSON key (IAM & Admin → Service accounts → Keys → Add key → JSON) and pass it with --key.',
      },
    );
  }

  const body = GoogleErrorBody.safeParse(response.data).data?.error;
  const googleSays = body?.message ? ` Google says: "${body.message}"` : '';
  const reasons: { reason?: string | undefined; metadata?: Record<string, string> | undefined }[] =
    [...(body?.errors ?? []), ...(body?.details ?? [])];
  const has = (pattern: RegExp) => reasons.some((r) => pattern.test(r.reason ?? ''));

  if (status === 429 || has(/rateLimitExceeded|RATE_LIMIT_EXCEEDED|RESOURCE_EXHAUSTED/i)) {
    const project = context.account.projectId ? ` of project ${context.account.projectId}` : '';
    return new SyncError(
      'rate-limit',
      `The Google Sheets API's quota${project} is used up for now (HTTP ${status}).${googleSays}`,
      {
        ...options,
        action:
          'Wait a minute and run the command again. If it keeps happening, ask for a higher quota: Google Cloud console → APIs & Services → Google Sheets API → Quotas.',
      },
    );
  }
  if (status >= 500) {
    return new SyncError(
      'unavailable',
      `The Google Sheets API had a server error (HTTP ${status}).${googleSays}`,
      { ...options, action: 'Run the command again in a few minutes.' },
    );
  }
  if (status === 401) {
    return new SyncError(
      'auth',
      `Google did not accept the credentials of ${email} (HTTP 401).${googleSays}`,
      {
        ...options,
        action:
          'Pass a current key with --key, or sign in again: gcloud auth application-default login.',
      },
    );
  }
  if (status === 403 && has(/SERVICE_DISABLED|accessNotConfigured/i)) {
    const disabled = reasons.find((r) =>
      /SERVICE_DISABLED|accessNotConfigured/i.test(r.reason ?? ''),
    );
    const metadata: Record<string, string | undefined> = disabled?.metadata ?? {};
    const project =
      metadata.consumer?.replace(/^projects\//, '') ?? context.account.projectId ?? null;
    const service = metadata.service ?? SHEETS_API;
    const where = project ? ` in project ${project}` : '';
    const link =
      metadata.activationUrl ??
      `https://console.cloud.google.com/apis/library/${service}${project ? `?project=${project}` : ''}`;
    return new SyncError('permission', `The Google Sheets API is not enabled${where}.`, {
      ...options,
      action: `Enable the Google Sheets API (${service})${where}: ${link} → Enable. Wait a few minutes, then run the command again.`,
    });
  }
  if (status === 403 && /insufficient authentication scopes/i.test(body?.message ?? '')) {
    return new SyncError(
      'permission',
      `The credentials of ${email} do not carry the scope ${context.access === 'write' ? 'to edit spreadsheets' : 'to read spreadsheets'}.${googleSays}`,
      {
        ...options,
        action:
          'With application-default credentials, sign in again with the scope: gcloud auth application-default login --scopes=https://www.googleapis.com/auth/spreadsheets,https://www.googleapis.com/auth/cloud-platform',
      },
    );
  }
  if (status === 403) {
    return new SyncError(
      'permission',
      `${email} may not ${context.access === 'write' ? 'edit' : 'read'} spreadsheet ${context.spreadsheetId} (HTTP 403).${googleSays}`,
      { ...options, action: shareAdvice(context) },
    );
  }
  if (status === 404) {
    return new SyncError(
      'not-found',
      `No spreadsheet ${context.spreadsheetId} is visible to ${email} (HTTP 404).${googleSays}`,
      {
        ...options,
        action: `Check --sheet (the long id in the sheet's address, between /d/ and /edit). ${shareAdvice(context)}`,
      },
    );
  }
  return new SyncError(
    'bad-response',
    `The Google Sheets API refused the request (HTTP ${status}).${googleSays}`,
    options,
  );
}
