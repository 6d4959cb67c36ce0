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
  ACCESS_TEAM_DOMAIN: z.string().optional(),
  ACCESS_AUD: z.string().optional(),
  ADMIN_EMAILS: z.string().optional(),
  ADMIN_GROUPS: z.string().optional(),
  FRAME_ANCESTORS: z.string().optional(),
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
  /** Cloudflare Access, when both the team domain and the application's AUD tag are set. */
  access: { teamDomain: string; audience: string } | null;
  /** Who may run admin actions: emails (compared ignoring case) or Access groups. */
  adminEmails: string[];
  adminGroups: string[];
  /** Who may frame the dashboard (an intranet page); 'none' by default. */
  frameAncestors: string[];
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
    access: readAccess(vars.ACCESS_TEAM_DOMAIN, vars.ACCESS_AUD),
    adminEmails: list(vars.ADMIN_EMAILS).map((e) => e.toLowerCase()),
    adminGroups: list(vars.ADMIN_GROUPS),
    frameAncestors: readFrameAncestors(vars.FRAME_ANCESTORS),
  };
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(/[,\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);

function readAccess(
  teamDomain: string | undefined,
  audience: string | undefined,
): WorkerConfig['access'] {
  const team = teamDomain?.trim() ?? '';
  const aud = audience?.trim() ?? '';
  if (!team && !aud) return null;
  if (!team || !aud) {
    throw new SyncError(
      'config',
      `Cloudflare Access needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD; only ${team ? 'ACCESS_TEAM_DOMAIN' : 'ACCESS_AUD'} is set.`,
      {
        action:
          'Set the other one (Zero Trust → Access → Applications → your app: the team domain and the Application Audience (AUD) tag).',
      },
    );
  }
  return { teamDomain: team, audience: aud };
}

/** Origins allowed to frame the dashboard: 'none', or a list of https origins (an intranet). */
function readFrameAncestors(value: string | undefined): string[] {
  const origins = list(value);
  if (origins.length === 0 || (origins.length === 1 && origins[0] === "'none'")) return ["'none'"];
  for (const origin of origins) {
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin) && origin !== "'self'") {
      throw new SyncError(
        'config',
        `FRAME_ANCESTORS lists '${origin}', which is not an https origin like https://intranet.example.org.`,
        {
          action:
            "List the origins allowed to embed the dashboard, separated by spaces, or leave it empty for 'none'.",
        },
      );
    }
  }
  return origins;
}
