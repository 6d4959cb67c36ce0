// The dashboard's way to the API: Hono's typed client over the Worker's own route types.
import { hc } from 'hono/client';
import type { AppType } from '../../worker/app.ts';

/** A donor's read-only dashboard lives under /shared, and so does its (scoped) API. */
export const basePath = globalThis.location?.pathname.startsWith('/shared') ? '/shared' : '';

export const client = hc<AppType>(
  `${globalThis.location?.origin ?? 'http://localhost'}${basePath}`,
);

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly action?: string,
  ) {
    super(message);
  }
}

/** Unwraps a response: its JSON when OK, else the API's error message as an ApiError. */
export async function json<T>(response: {
  ok: boolean;
  status: number;
  json(): Promise<T>;
}): Promise<T> {
  if (response.ok) return response.json();
  let message = `The server answered ${response.status}.`;
  let action: string | undefined;
  try {
    const body = (await response.json()) as { error?: { message?: string; action?: string } };
    message = body.error?.message ?? message;
    action = body.error?.action;
  } catch {
    // Not JSON: keep the status line.
  }
  throw new ApiError(response.status, message, action);
}
