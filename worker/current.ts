// Reading the current record for a request: one KV get, parsed once per stored version per isolate.
import type { Context } from 'hono';
import { CurrentRecord } from '../data/snapshot.ts';
import { StoredDataError } from '../sync/store/matrix-store.ts';
import { readConfig } from './config.ts';
import type { AppEnv } from './context.ts';
import { apiError } from './errors.ts';
import { scopeRecord } from './share/scope.ts';
import { ensureFirstSync, storeFor } from './sync.ts';

// The same stored text parses to the same record: keep the last one per matrix.
const parsed = new Map<string, { text: string; record: CurrentRecord }>();

function parse(matrix: string, text: string): CurrentRecord {
  const cached = parsed.get(matrix);
  if (cached && cached.text === text) return cached.record;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoredDataError('The stored current snapshot is not JSON.');
  }
  const result = CurrentRecord.safeParse(json);
  if (!result.success)
    throw new StoredDataError(
      'The stored current snapshot does not match this version of the dashboard.',
    );
  parsed.set(matrix, { text, record: result.data });
  return result.data;
}

/**
 * The current record, as the caller may see it. Before the first sync (an empty KV, as on a fresh `wrangler dev`), the
 * request runs one and waits for it.
 */
export async function loadCurrent(c: Context<AppEnv>): Promise<CurrentRecord> {
  const config = readConfig(c.env);
  const store = storeFor(c.env, config);
  let text = await store.currentText();
  if (text === null) {
    await ensureFirstSync(c.env);
    text = await store.currentText();
    if (text === null) {
      const run = (await store.syncLog()).runs[0];
      throw apiError(503, {
        message: `No data yet: the first sync has not published a snapshot.${run ? ` ${run.summary}` : ''}`,
        action: run?.error?.action || 'See GET /api/sync for what the sync did.',
      });
    }
  }
  const record = parse(config.matrix, text);
  // A donor's link sees its scope only: the rest is cut here, before any route can use it.
  const caller = c.get('caller');
  return caller?.kind === 'donor' ? scopeRecord(record, caller.link.scope) : record;
}
