// Vitest global setup for the browser tests: a fresh build, a fake Google with the filled-in
// matrix (with due dates), and two `wrangler dev` servers on loopback (the bundled matrix, and
// the Google sheet).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDashboard } from '../../dashboard/build.ts';
import { type GoogleDemo, startGoogleDemo, writeEnvFile } from '../fakes/google/demo.ts';
import { filledMatrixWithDueDates } from '../fixtures/filled-matrix.ts';
import { ensureChromium } from './ensure-chromium.ts';
import { type DevServer, startWranglerDev } from './wrangler-dev.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    bundledUrl: string;
    filledUrl: string;
    googleSheetId: string;
  }
}

let servers: DevServer[] = [];
let demo: GoogleDemo | undefined;

export default async function setup(project: TestProject) {
  ensureChromium();
  await buildDashboard();
  const csv = readFileSync(new URL('../../data/matrix.csv', import.meta.url), 'utf8');
  demo = await startGoogleDemo({ rows: filledMatrixWithDueDates(csv) });
  const envFile = join(mkdtempSync(join(tmpdir(), 'demo-env-')), '.dev.vars');
  writeEnvFile(envFile, demo.vars);
  servers = await Promise.all([startWranglerDev(), startWranglerDev({ envFile })]);
  project.provide('bundledUrl', servers[0]!.url);
  project.provide('filledUrl', servers[1]!.url);
  project.provide('googleSheetId', demo.sheetId);
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await demo?.close();
  };
}
