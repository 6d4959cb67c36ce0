// /api/sync: what the syncs did (for staff), and running one now.
import { Hono } from 'hono';
import { z } from 'zod';
import { freshness } from '../../sync/freshness.ts';
import { readConfig } from '../config.ts';
import { apiError } from '../errors.ts';
import { localOnly } from '../middleware/local-only.ts';
import { ensureFirstSync, runSync, sourceKindFor, storeFor } from '../sync.ts';

const SyncRequest = z.object({ force: z.boolean().optional() }).strict();

export const syncRoutes = new Hono<{ Bindings: Env }>()
  .get('/', async (c) => {
    const config = readConfig(c.env);
    const store = storeFor(c.env, config);
    await ensureFirstSync(c.env);
    const [log, current] = await Promise.all([store.syncLog(), store.currentStatus()]);
    const status = current?.status ?? null;
    const fresh = status
      ? freshness(status, new Date(), config.heartbeatMinutes, sourceKindFor(config))
      : null;
    const lastRun = status?.lastRun ?? log.runs[0] ?? null;
    return c.json({
      matrix: config.matrix,
      source: { kind: sourceKindFor(config), id: config.sheetId, range: config.sheetRange || null },
      status: {
        /** ok | stale | failing | rejected | empty (no snapshot yet). */
        state: !current
          ? ('empty' as const)
          : lastRun?.outcome === 'failed'
            ? ('failing' as const)
            : lastRun?.outcome === 'rejected' || log.state.seenOutcome === 'rejected'
              ? ('rejected' as const)
              : fresh?.stale
                ? ('stale' as const)
                : ('ok' as const),
        revision: log.state.revision,
        checkedAt: fresh?.checkedAt ?? null,
        lastAttemptAt: status?.lastAttemptAt ?? lastRun?.startedAt ?? null,
        stale: fresh?.stale ?? true,
        staleAfterMinutes: fresh?.staleAfterMinutes ?? null,
        lastRun,
      },
      runs: log.runs,
    });
  })
  .post('/', localOnly, async (c) => {
    const text = await c.req.text();
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw apiError(400, {
          message: 'The request body must be JSON, e.g. {"force": true}, or empty.',
        });
      }
    }
    const parsed = SyncRequest.safeParse(body);
    if (!parsed.success) {
      throw apiError(400, {
        message: 'The only field is "force" (true or false).',
        parameter: 'force',
      });
    }
    const run = await runSync(c.env, { trigger: 'manual', force: parsed.data.force ?? false });
    return c.json({ run }, run.outcome === 'failed' ? 502 : 200);
  });
