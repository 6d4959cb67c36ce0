// The Worker's entry: HTTP to the Hono app, the cron to the sync.
import { app } from './app.ts';
import { scheduled } from './scheduled.ts';

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Env>;
export type { AppType } from './app.ts';
