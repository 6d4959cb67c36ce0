// The service-account key file as Google Cloud hands it out, read and checked before any call.
import { z } from 'zod';
import { SyncError } from '../errors.ts';

export const ServiceAccountKey = z.object({
  type: z.literal('service_account'),
  project_id: z.string().optional(),
  private_key_id: z.string().optional(),
  private_key: z.string().includes('PRIVATE KEY'),
  client_email: z.string().includes('@'),
  /** Where to exchange the signed JWT for an access token; honoured as given. */
  token_uri: z.url().default('https://oauth2.googleapis.com/token'),
});
export type ServiceAccountKey = z.infer<typeof ServiceAccountKey>;

const HOW =
  'Set the GOOGLE_SERVICE_ACCOUNT secret to the whole JSON key file (wrangler secret put GOOGLE_SERVICE_ACCOUNT < key.json).';

/** Parses the GOOGLE_SERVICE_ACCOUNT secret, saying which field is wrong when it is. */
export function parseServiceAccount(text: string | undefined): ServiceAccountKey {
  if (!text?.trim()) {
    throw new SyncError(
      'config',
      'SHEET_ID is set but the GOOGLE_SERVICE_ACCOUNT secret is missing.',
      { action: HOW },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SyncError(
      'config',
      'GOOGLE_SERVICE_ACCOUNT is not JSON: it must be the key file exactly as downloaded.',
      {
        action: HOW,
      },
    );
  }
  const parsed = ServiceAccountKey.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(the file)').join(', ');
    throw new SyncError(
      'config',
      `GOOGLE_SERVICE_ACCOUNT is not a service-account key file: check ${fields}.`,
      {
        action: `${HOW} Create the key under IAM & Admin → Service accounts → Keys → Add key → JSON.`,
      },
    );
  }
  return parsed.data;
}
