// `npm run bench`: every benchmark, printed as figures and ratios measured in this one run.
// Each bench is bundled by esbuild first, as wrangler bundles the Worker, so what is timed is
// the code as deployed rather than tsx's on-the-fly transpilation.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const BENCHES: Record<string, string> = {
  normalise: 'tests/bench/normalise.bench.ts',
  sync: 'tests/bench/sync.bench.ts',
};

const only = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'bench-'));
for (const [name, entry] of Object.entries(BENCHES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const outfile = join(out, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    keepNames: true,
    outfile,
    logLevel: 'warning',
  });
  const bench: { run: () => void | Promise<void> } = await import(pathToFileURL(outfile).href);
  await bench.run();
}
