// `npm run bench`: every benchmark, printed as figures and ratios measured in this one run.
// Each bench is bundled by esbuild first, as wrangler bundles the Worker, so what is timed is
// the code as deployed rather than tsx's on-the-fly transpilation.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const BENCHES: Record<string, string> = {
  normalise: 'tests/bench/normalise.bench.ts',
  sync: 'tests/bench/sync.bench.ts',
  request: 'tests/bench/request.bench.ts',
  http: 'tests/bench/http.bench.ts',
  'first-load': 'tests/bench/first-load.bench.ts',
};

const only = process.argv.slice(2);
// Inside the project, so the bundles' package imports resolve from node_modules.
mkdirSync('node_modules/.cache', { recursive: true });
const out = mkdtempSync(join('node_modules/.cache', 'bench-'));
for (const [name, entry] of Object.entries(BENCHES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const outfile = join(process.cwd(), out, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    keepNames: true,
    // Our code is bundled as wrangler would; tools (esbuild, autocannon, playwright) stay packages.
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  const bench: { run: () => void | Promise<void> } = await import(pathToFileURL(outfile).href);
  await bench.run();
}
