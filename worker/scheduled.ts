// The cron entry: hand the run to sync/ and let it finish after the event returns.
import { runSync } from './sync.ts';

export const scheduled: ExportedHandlerScheduledHandler<Env> = (controller, env, ctx) => {
  ctx.waitUntil(
    runSync(env, {
      trigger: 'cron',
      cron: controller.cron,
      scheduledAt: new Date(controller.scheduledTime),
    }).catch(() => undefined),
  );
};
