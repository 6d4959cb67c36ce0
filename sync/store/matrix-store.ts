// The one module that knows the KV key layout: snapshots, the current pointer, history, the sync log.
import { History } from '../../data/history.ts';
import { CurrentRecord, type Snapshot } from '../../data/snapshot.ts';
import { emptySyncLog, SyncLog, SyncStatus } from '../../data/sync-log.ts';

/** The slice of Workers KV the store uses (KVNamespace fits it), so Node tests can pass a Map. */
export interface KvLike {
  get(key: string, type: 'text'): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Accepted snapshots kept besides the current one, to look back or roll back. */
export const KEEP_REVISIONS = 20;

/**
 * Keys are versioned ("v1/") so a new layout can be written beside an old one, and carry the
 * matrix name so one namespace can hold one matrix per evaluation.
 */
export function matrixKeys(matrix: string) {
  const base = `v1/matrix/${encodeURIComponent(matrix)}`;
  return {
    /** The whole current snapshot: what every read serves, in one get. */
    current: `${base}/current`,
    revision: (n: number) => `${base}/snapshots/${String(n).padStart(8, '0')}`,
    history: `${base}/history`,
    syncLog: `${base}/sync-log`,
  };
}

export class StoredDataError extends Error {
  override name = 'StoredDataError';
}

function parseStored<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  text: string,
  key: string,
): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoredDataError(`The stored value at ${key} is not JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new StoredDataError(`The stored value at ${key} does not match its schema.`);
  return parsed.data;
}

/** The current record is written status first, so the status can be read without the snapshot. */
const STATUS_PREFIX = '{"status":';
const SNAPSHOT_FIELD = ',"snapshot":';

function currentRecordText(status: SyncStatus, snapshotText: string): string {
  return `${STATUS_PREFIX}${JSON.stringify(status)}${SNAPSHOT_FIELD}${snapshotText}}`;
}

/** The current record's status and the snapshot's text as stored, split without parsing the snapshot. */
export function splitCurrent(
  text: string,
  key = 'current',
): { status: SyncStatus; snapshotText: string } {
  // JSON escapes quotes inside strings, so the first ,"snapshot": is the field separator.
  const at = text.indexOf(SNAPSHOT_FIELD);
  if (!text.startsWith(STATUS_PREFIX) || at === -1 || !text.endsWith('}')) {
    throw new StoredDataError(`The stored value at ${key} is not a current record.`);
  }
  const status = parseStored(SyncStatus, text.slice(STATUS_PREFIX.length, at), key);
  return { status, snapshotText: text.slice(at + SNAPSHOT_FIELD.length, -1) };
}

export class MatrixStore {
  readonly keys: ReturnType<typeof matrixKeys>;

  constructor(
    private readonly kv: KvLike,
    readonly matrix = 'default',
  ) {
    this.keys = matrixKeys(matrix);
  }

  /** The current record as stored (null before the first snapshot), for readers that parse once. */
  currentText(): Promise<string | null> {
    return this.kv.get(this.keys.current, 'text');
  }

  async current(): Promise<CurrentRecord | null> {
    const text = await this.currentText();
    return text === null ? null : parseStored(CurrentRecord, text, this.keys.current);
  }

  /** The sync status and the stored text, parsing only the status (the sync reads it every run). */
  async currentStatus(): Promise<{ status: SyncStatus; text: string } | null> {
    const text = await this.currentText();
    return text === null ? null : { status: splitCurrent(text, this.keys.current).status, text };
  }

  async revision(n: number): Promise<Snapshot | null> {
    const text = await this.kv.get(this.keys.revision(n), 'text');
    return text === null
      ? null
      : parseStored(CurrentRecord.shape.snapshot, text, this.keys.revision(n));
  }

  /**
   * The versioned copy first, then the current record: a reader sees the old snapshot or the new
   * one, never a mix. The revision that falls out of the kept window is deleted.
   */
  async publish(snapshot: Snapshot, status: SyncStatus): Promise<void> {
    const text = JSON.stringify(snapshot);
    await this.kv.put(this.keys.revision(snapshot.revision), text);
    await this.kv.put(this.keys.current, currentRecordText(status, text));
    const expired = snapshot.revision - KEEP_REVISIONS;
    if (expired > 0) await this.kv.delete(this.keys.revision(expired));
  }

  /** A new status beside the same snapshot, which is copied as stored, never re-serialised. */
  writeStatus(status: SyncStatus, currentText: string): Promise<void> {
    const { snapshotText } = splitCurrent(currentText, this.keys.current);
    return this.kv.put(this.keys.current, currentRecordText(status, snapshotText));
  }

  /** The sync log; an empty one before the first sync or when the stored one is unreadable. */
  async syncLog(): Promise<SyncLog> {
    const text = await this.kv.get(this.keys.syncLog, 'text');
    if (text === null) return emptySyncLog(this.matrix);
    try {
      return parseStored(SyncLog, text, this.keys.syncLog);
    } catch {
      // An unreadable log (an older layout) only costs the next sync a full read.
      return emptySyncLog(this.matrix);
    }
  }

  writeSyncLog(log: SyncLog): Promise<void> {
    return this.kv.put(this.keys.syncLog, JSON.stringify(log));
  }

  async history(): Promise<History> {
    const text = await this.kv.get(this.keys.history, 'text');
    return text === null
      ? { schemaVersion: 1, days: [], transitions: [] }
      : parseStored(History, text, this.keys.history);
  }

  writeHistory(history: History): Promise<void> {
    return this.kv.put(this.keys.history, JSON.stringify(history));
  }
}
