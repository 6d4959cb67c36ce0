// A running fake Google with the filled-in matrix shared with a fresh service account, and the
// Worker settings that point at it: for browser tests, benchmarks and trying the Google path by hand.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { filledMatrix } from '../../fixtures/filled-matrix.ts';
import { type FakeGoogle, startFakeGoogle } from './server.ts';

export interface GoogleDemo {
  google: FakeGoogle;
  sheetId: string;
  email: string;
  /** Vars and secrets for the Worker (e.g. as a .dev.vars file). */
  vars: Record<string, string>;
  close(): Promise<void>;
}

export async function startGoogleDemo(
  options: { port?: number; rows?: string[][] } = {},
): Promise<GoogleDemo> {
  const google = await startFakeGoogle(options.port ?? 0);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const email = 'dashboard-sync@pseah-demo.iam.gserviceaccount.com';
  google.state.accounts.set(email, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const sheetId = '1DemoMatrixSheetId';
  const rows =
    options.rows ??
    filledMatrix(readFileSync(new URL('../../../data/matrix.csv', import.meta.url), 'utf8'));
  google.state.upsertSpreadsheet({
    id: sheetId,
    title: 'PSEAH management response – monitoring',
    tabs: [{ title: 'Matrix', rows }],
    sharedWith: [email],
  });
  const key = {
    type: 'service_account',
    project_id: 'pseah-demo',
    private_key_id: 'demo-key',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: email,
    token_uri: `${google.url}/token`,
  };
  return {
    google,
    sheetId,
    email,
    vars: {
      SHEET_ID: sheetId,
      SHEET_RANGE: 'Matrix',
      GOOGLE_SHEETS_API: google.url,
      GOOGLE_DRIVE_API: `${google.url}/drive/v3`,
      GOOGLE_SERVICE_ACCOUNT: JSON.stringify(key),
    },
    close: () => google.close(),
  };
}

/** The vars as a dotenv file wrangler reads with --env-file (values single-quoted, JSON as is). */
export function writeEnvFile(path: string, vars: Record<string, string>): void {
  writeFileSync(
    path,
    `${Object.entries(vars)
      .map(([k, v]) => `${k}='${v.replace(/'/g, "\\'")}'`)
      .join('\n')}\n`,
  );
}

// `npx tsx tests/fakes/google/demo.ts [port] [env-file]`: run the demo until interrupted.
if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const demo = await startGoogleDemo({ port: Number(process.argv[2] ?? 0) });
  const envFile = process.argv[3] ?? '.dev.vars.google-demo';
  writeEnvFile(envFile, demo.vars);
  console.log(`Fake Google at ${demo.google.url}; Worker settings written to ${envFile}.`);
  console.log(`Run: npx wrangler dev --env-file ${envFile}`);
}
