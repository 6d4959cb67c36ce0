// One place that turns every error into a JSON answer a client (and a person) can act on.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SyncError } from '../sync/errors.ts';
import { StoredDataError } from '../sync/store/matrix-store.ts';

export interface ErrorBody {
  error: {
    status: number;
    message: string;
    /** The query parameter or field that was wrong, when one was. */
    parameter?: string;
    /** The values it may take, when they are few. */
    allowed?: readonly string[];
    /** What to do about it. */
    action?: string;
  };
}

/** An HTTP error with a JSON body, thrown from anywhere in a handler. */
export function apiError(
  status: ContentfulStatusCode,
  body: Omit<ErrorBody['error'], 'status'>,
): HTTPException {
  return new HTTPException(status, {
    res: Response.json({ error: { status, ...body } } satisfies ErrorBody, { status }),
  });
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof HTTPException) {
    if (error.res) return error.res;
    return c.json(
      {
        error: { status: error.status, message: error.message || 'Request failed' },
      } satisfies ErrorBody,
      error.status,
    );
  }
  if (error instanceof SyncError && error.kind === 'config') {
    return c.json(
      { error: { status: 503, message: error.message, action: error.action } } satisfies ErrorBody,
      503,
    );
  }
  if (error instanceof StoredDataError) {
    console.error(error);
    return c.json(
      {
        error: {
          status: 503,
          message: `${error.message} The next sync rewrites it.`,
          action: 'Run a sync (POST /api/sync).',
        },
      } satisfies ErrorBody,
      503,
    );
  }
  console.error(error);
  return c.json(
    {
      error: { status: 500, message: 'Internal error; the data is untouched. Try again.' },
    } satisfies ErrorBody,
    500,
  );
}
