// Credentials for the sheet tools: a service-account key file (--key or
// GOOGLE_APPLICATION_CREDENTIALS) or application-default credentials, as a googleapis Sheets client.
import { readFile } from 'node:fs/promises';
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { z } from 'zod';
import { SyncError } from '../errors.ts';
import { ServiceAccountKey } from '../google/service-account.ts';

const READ_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';
const WRITE_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** Whether a command only reads the sheet (pull, check) or changes it (init, add-round, annotate). */
export type Access = 'read' | 'write';

/** The settings the tools read from the environment. */
export type SheetEnv = Readonly<Record<string, string | undefined>>;

export type Credentials =
  | { kind: 'key'; key: ServiceAccountKey; path: string }
  | { kind: 'application-default'; path: string | undefined };

/** Who the calls are made as, for the messages that tell a person what to share or enable. */
export interface Account {
  email: string | null;
  projectId: string | null;
  tokenUri: string | null;
}

export interface SheetsSession {
  sheets: sheets_v4.Sheets;
  account: Account;
  access: Access;
}

/** The URL googleapis' JWT client posts to whatever the key file says (gtoken hard-codes it). */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
/** How long one call may take before it counts as a timeout (and is retried). */
const CALL_TIMEOUT_MS = 30_000;

const KEY_HOW =
  "Create a JSON key for the service account (Google Cloud console → IAM & Admin → Service accounts → the account → Keys → Add key → JSON) and pass the file's path with --key.";

/**
 * Finds the credentials: --key, else GOOGLE_APPLICATION_CREDENTIALS, else application-default
 * credentials. A key file is read and checked here, so a broken one is reported by field before
 * any call; a GOOGLE_APPLICATION_CREDENTIALS file of another type (a gcloud user login, workload
 * identity) is left to googleapis.
 */
export async function findCredentials(
  keyFile: string | undefined,
  env: SheetEnv,
): Promise<Credentials> {
  const fromEnv = keyFile === undefined;
  const path = keyFile ?? (env.GOOGLE_APPLICATION_CREDENTIALS || undefined);
  if (path === undefined) return { kind: 'application-default', path: undefined };
  const named = fromEnv ? `${path} (GOOGLE_APPLICATION_CREDENTIALS)` : path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SyncError(
      'config',
      missing
        ? `No key file at ${named}.`
        : `Cannot read the key file ${named}: ${(error as Error).message}`,
      { action: KEY_HOW },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SyncError('config', `The key file ${named} is not JSON.`, {
      action: `Use the JSON key file exactly as Google Cloud downloaded it. ${KEY_HOW}`,
    });
  }
  const given = z.record(z.string(), z.unknown()).safeParse(json).data ?? {};
  if (fromEnv && typeof given.type === 'string' && given.type !== 'service_account')
    return { kind: 'application-default', path };
  const parsed = ServiceAccountKey.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => {
      if (issue.path.length === 0) return 'the file as a whole (a JSON object is expected)';
      const field = issue.path.join('.');
      return `${field} (${given[field] === undefined ? 'missing' : 'not valid'})`;
    });
    throw new SyncError(
      'config',
      `The key file ${named} is not a service-account key: check ${fields.join(', ')}.`,
      { action: KEY_HOW },
    );
  }
  return { kind: 'key', key: parsed.data, path };
}

/** A googleapis Sheets client on the credentials, with the scope the command needs and no more. */
export async function openSession(
  credentials: Credentials,
  access: Access,
  env: SheetEnv,
): Promise<SheetsSession> {
  // Loaded here, not at the top: googleapis takes a second to load, and `check <file.csv>` and the
  // usage errors need none of it.
  const { google } = await import('googleapis');
  const scopes = [access === 'write' ? WRITE_SCOPE : READ_SCOPE];
  const options = {
    version: 'v4' as const,
    // Quota and server errors are retried by our own loop, which knows when to give up and why.
    retry: false,
    timeout: CALL_TIMEOUT_MS,
    // Only tests set this: googleapis then sends every Sheets call to a local fake of the API.
    ...(env.GOOGLE_API_ROOT ? { rootUrl: `${env.GOOGLE_API_ROOT.replace(/\/$/, '')}/` } : {}),
  };

  if (credentials.kind === 'key') {
    const { key } = credentials;
    const client = new google.auth.JWT({
      email: key.client_email,
      key: key.private_key,
      ...(key.private_key_id ? { keyId: key.private_key_id } : {}),
      scopes,
      // The assertion's audience and the token request both honour the key's token_uri.
      additionalClaims: { aud: key.token_uri },
    });
    client.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url) === GOOGLE_TOKEN_URL) config.url = new URL(key.token_uri);
        return config;
      },
    });
    return {
      sheets: google.sheets({ ...options, auth: client }),
      account: {
        email: key.client_email,
        projectId: key.project_id ?? null,
        tokenUri: key.token_uri,
      },
      access,
    };
  }

  const auth = new google.auth.GoogleAuth({
    scopes,
    ...(credentials.path ? { keyFilename: credentials.path } : {}),
  });
  try {
    await auth.getClient();
  } catch (error) {
    const why = (error as Error).message.split('.')[0];
    throw new SyncError(
      'config',
      credentials.path
        ? `The credentials in ${credentials.path} (GOOGLE_APPLICATION_CREDENTIALS) cannot be used (${why}).`
        : `No Google credentials: no --key was given, GOOGLE_APPLICATION_CREDENTIALS is not set, and no application-default credentials were found (${why}).`,
      {
        action: `Pass the service account's key file with --key key.json (or set GOOGLE_APPLICATION_CREDENTIALS to its path), or sign in once with: gcloud auth application-default login --scopes=${WRITE_SCOPE},https://www.googleapis.com/auth/cloud-platform`,
      },
    );
  }
  const found = await auth.getCredentials().catch(() => ({ client_email: undefined }));
  return {
    sheets: google.sheets({ ...options, auth }),
    account: {
      email: found.client_email ?? null,
      projectId: await auth.getProjectId().catch(() => null),
      tokenUri: null,
    },
    access,
  };
}
