// An OAuth access token for the service account (JWT bearer grant), kept until shortly before expiry.
import { z } from 'zod';
import { SyncError } from '../errors.ts';
import { DEFAULT_TIMEOUT_MS, type FetchOptions } from './http.ts';
import { signJwt } from './jwt.ts';
import type { ServiceAccountKey } from './service-account.ts';

export const READONLY_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.readonly',
  'https://www.googleapis.com/auth/drive.metadata.readonly',
] as const;

const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
});
/** The token endpoint's error body (RFC 6749 §5.2). */
export const TokenErrorBody = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

/** A token is renewed this long before Google says it expires, so no call races its expiry. */
const RENEW_BEFORE_MS = 5 * 60_000;
/** Google accepts assertions that live at most an hour. */
const ASSERTION_LIFETIME_S = 3600;

// Per isolate: every run of the cron in this isolate reuses the token (never stored in KV).
const tokens = new Map<string, Promise<{ token: string; expiresAt: number }>>();

export function forgetTokens(): void {
  tokens.clear();
}

export async function accessToken(
  account: ServiceAccountKey,
  scopes: readonly string[] = READONLY_SCOPES,
  options: FetchOptions & { now?: () => number } = {},
): Promise<string> {
  const now = options.now ?? Date.now;
  const key = `${account.client_email} ${account.private_key_id ?? ''} ${account.token_uri} ${scopes.join(' ')}`;
  const cached = tokens.get(key);
  if (cached) {
    const value = await cached.catch(() => null);
    if (value && value.expiresAt - RENEW_BEFORE_MS > now()) return value.token;
  }
  const pending = requestToken(account, scopes, options, now);
  tokens.set(key, pending);
  pending.catch(() => tokens.delete(key));
  return (await pending).token;
}

async function requestToken(
  account: ServiceAccountKey,
  scopes: readonly string[],
  options: FetchOptions,
  now: () => number,
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(now() / 1000);
  const assertion = await signJwt(
    {
      iss: account.client_email,
      scope: scopes.join(' '),
      aud: account.token_uri,
      iat,
      exp: iat + ASSERTION_LIFETIME_S,
    },
    account.private_key,
    account.private_key_id,
  );
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await doFetch(account.token_uri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion,
      }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = ['TimeoutError', 'AbortError'].includes((error as Error)?.name);
    throw new SyncError(
      timedOut ? 'timeout' : 'network',
      `Could not get an access token from ${account.token_uri}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Reported below with the status.
  }
  if (response.status === 429 || response.status >= 500) {
    throw new SyncError(
      response.status === 429 ? 'rate-limit' : 'unavailable',
      `Google's token endpoint answered HTTP ${response.status}.`,
      {
        status: response.status,
      },
    );
  }
  if (!response.ok) {
    const error = TokenErrorBody.safeParse(json).data;
    const said = error
      ? ` Google says: ${error.error}${error.error_description ? ` – ${error.error_description}` : ''}`
      : '';
    throw new SyncError(
      'auth',
      `Google refused the service account ${account.client_email} (HTTP ${response.status}).${said}`,
      {
        status: response.status,
        action:
          'The key in GOOGLE_SERVICE_ACCOUNT may have been deleted or the service account disabled: create a new JSON key and update the secret.',
      },
    );
  }
  const parsed = TokenResponse.safeParse(json);
  if (!parsed.success) {
    throw new SyncError(
      'bad-response',
      "Google's token endpoint answered without an access token.",
      { status: response.status },
    );
  }
  return { token: parsed.data.access_token, expiresAt: now() + parsed.data.expires_in * 1000 };
}
