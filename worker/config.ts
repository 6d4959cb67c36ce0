// The Worker's settings from its vars and secrets, checked once, with errors that name the variable.
import { z } from 'zod';
import { SyncError } from '../sync/errors.ts';

const number = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const n = Number(value);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a number from ${min} to ${max} (it is '${value}').`,
        });
        return z.NEVER;
      }
      return n;
    });

const Vars = z.object({
  MATRIX: z.string().trim().min(1).optional().catch(undefined),
  SHEET_ID: z.string().optional(),
  SHEET_RANGE: z.string().optional(),
  GOOGLE_SHEETS_API: z.string().optional(),
  GOOGLE_DRIVE_API: z.string().optional(),
  GOOGLE_SERVICE_ACCOUNT: z.string().optional(),
  HEARTBEAT_MINUTES: number('HEARTBEAT_MINUTES', 1, 1440, 10),
  MAX_ROW_LOSS: number('MAX_ROW_LOSS', 0, 1, 0.25),
  SYNC_BUDGET_SECONDS: number('SYNC_BUDGET_SECONDS', 1, 900, 20),
  GOOGLE_TIMEOUT_SECONDS: number('GOOGLE_TIMEOUT_SECONDS', 1, 120, 10),
  RETRY_BASE_MS: number('RETRY_BASE_MS', 0, 60_000, 500),
});

export interface WorkerConfig {
  matrix: string;
  /** null: the bundled matrix is the source. */
  sheetId: string | null;
  sheetRange: string;
  sheetsApi: string;
  driveApi: string;
  serviceAccount: string | undefined;
  heartbeatMinutes: number;
  maxRowLoss: number;
  budgetMs: number;
  timeoutMs: number;
  retryBaseMs: number;
}

/** Accepts the id, or the sheet's whole address as copied from the browser. */
export function sheetIdOf(value: string): string {
  const fromUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(value);
  return (fromUrl?.[1] ?? value).trim();
}

function url(name: string, value: string | undefined, fallback: string): string {
  const text = value?.trim() || fallback;
  try {
    return new URL(text).toString().replace(/\/$/, '');
  } catch {
    throw new SyncError('config', `${name} must be a URL like ${fallback} (it is '${text}').`, {
      action: `Fix ${name} in wrangler.toml [vars], or remove it to use Google's address.`,
    });
  }
}

export function readConfig(env: object): WorkerConfig {
  const parsed = Vars.safeParse(env);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => i.message).join(' ');
    throw new SyncError('config', message, {
      action:
        'Fix the variable in wrangler.toml [vars] (or the dashboard’s settings) and redeploy.',
    });
  }
  const vars = parsed.data;
  const sheetId = vars.SHEET_ID?.trim() ? sheetIdOf(vars.SHEET_ID) : null;
  return {
    matrix: vars.MATRIX ?? 'default',
    sheetId,
    sheetRange: vars.SHEET_RANGE?.trim() ?? '',
    sheetsApi: url('GOOGLE_SHEETS_API', vars.GOOGLE_SHEETS_API, 'https://sheets.googleapis.com'),
    driveApi: url('GOOGLE_DRIVE_API', vars.GOOGLE_DRIVE_API, 'https://www.googleapis.com/drive/v3'),
    serviceAccount: vars.GOOGLE_SERVICE_ACCOUNT,
    heartbeatMinutes: vars.HEARTBEAT_MINUTES,
    maxRowLoss: vars.MAX_ROW_LOSS,
    budgetMs: vars.SYNC_BUDGET_SECONDS * 1000,
    timeoutMs: vars.GOOGLE_TIMEOUT_SECONDS * 1000,
    retryBaseMs: vars.RETRY_BASE_MS,
  };
}
