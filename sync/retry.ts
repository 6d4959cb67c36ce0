// Trying a Google call again after a passing failure: capped, jittered, exponential, within a budget.
import { SyncError } from './errors.ts';

export interface RetryOptions {
  /** First backoff ceiling; doubles each attempt. */
  baseMs: number;
  /** No single wait is longer than this. */
  capMs: number;
  /** Epoch ms after which no new attempt starts: the run's budget. */
  deadline: number;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY = { baseMs: 500, capMs: 8_000 } as const;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `attempt` until it succeeds, fails for good, or the budget would run out. Waits are "full
 * jitter" (uniform in [0, min(cap, base·2ⁿ)]) so many Workers retrying at once spread out; a
 * Retry-After from Google raises the wait to what it asked for, within the cap.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realSleep;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof SyncError) || !error.retryable) throw error;
      const ceiling = Math.min(options.capMs, options.baseMs * 2 ** n);
      const asked =
        error.retryAfter === null ? 0 : Math.min(options.capMs, error.retryAfter * 1000);
      const wait = Math.max(asked, Math.floor(random() * ceiling));
      if (now() + wait >= options.deadline) {
        throw new SyncError(
          error.kind,
          `${error.message} (gave up after ${n + 1} attempt${n ? 's' : ''})`,
          {
            action: error.action,
            status: error.status,
            cause: error,
          },
        );
      }
      await sleep(wait);
    }
  }
}
