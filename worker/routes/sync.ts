// /api/sync: what the syncs did (for staff), and running one now.

import { Hono } from 'hono';
import { z } from 'zod';
import { freshness } from '../../sync/freshness.ts';
import { adminOnly, jsonSameOrigin } from '../auth/admin.ts';
import { readConfig } from '../config.ts';
import type { AppEnv } from '../context.ts';
import { ensureFirstSync, runSync, sourceKindFor, storeFor } from '../sync.ts';
import { jsonBody } from './admin.ts';

const SyncRequest = z.object({ force: z.boolean().optional() }).strict();

export const syncRoutes = new Hono<AppEnv>()
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
  .post('/', adminOnly, jsonSameOrigin, jsonBody(SyncRequest), async (c) => {
    const run = await runSync(c.env, {
      trigger: 'manual',
      force: c.req.valid('json').force ?? false,
    });
    return c.json({ run }, run.outcome === 'failed' ? 502 : 200);
  });
