// The cheap change check: Drive's files.get for a file's version, before any values are read.
import type { drive_v3 } from 'googleapis/build/src/apis/drive/v3.js';
import { z } from 'zod';
import { SyncError } from '../errors.ts';
import { type CallContext, type FetchOptions, googleJson } from './http.ts';

const FileVersion = z.object({
  // Drive sends int64 as a JSON string; it grows with every change to the file.
  version: z.string().regex(/^\d+$/),
  modifiedTime: z.string().optional(),
}) satisfies z.ZodType<Pick<drive_v3.Schema$File, 'version'>>;

export interface DriveClientOptions extends FetchOptions {
  /** Base URL of Drive v3, e.g. https://www.googleapis.com/drive/v3. */
  baseUrl: string;
  token: string;
}

export async function getFileVersion(
  fileId: string,
  context: CallContext,
  options: DriveClientOptions,
): Promise<{ version: string; modifiedTime: string | null }> {
  const url = `${options.baseUrl.replace(/\/$/, '')}/files/${encodeURIComponent(fileId)}?fields=version%2CmodifiedTime&supportsAllDrives=true`;
  const json = await googleJson(
    url,
    { headers: { authorization: `Bearer ${options.token}` } },
    context,
    options,
  );
  const parsed = FileVersion.safeParse(json);
  if (!parsed.success)
    throw new SyncError('bad-response', 'The Drive API answered files.get without a version.');
  return { version: parsed.data.version, modifiedTime: parsed.data.modifiedTime ?? null };
}
