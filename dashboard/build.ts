// Builds the dashboard into dist/dashboard: one hashed script, one hashed stylesheet, the page.
// Hashed names let browsers keep the files for good; index.html is the only file that changes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// Run from the project root (npm scripts, tests and benchmarks all are).
const root = process.cwd();
const out = join(root, 'dist/dashboard');
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

export async function buildDashboard(
  options: { minify?: boolean } = {},
): Promise<{ script: string; stylesheet: string }> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  const result = await build({
    entryPoints: [join(root, 'dashboard/main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? true,
    // Lit's dev-mode warnings are for developers, not for the people reading the dashboard.
    conditions: ['production'],
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const js = result.outputFiles[0]!.text;
  const css = readFileSync(join(root, 'dashboard/styles/page.css'), 'utf8');
  const script = `assets/app-${hash(js)}.js`;
  const stylesheet = `assets/page-${hash(css)}.css`;
  writeFileSync(join(out, script), js);
  writeFileSync(join(out, stylesheet), css);
  const page = readFileSync(join(root, 'dashboard/index.html'), 'utf8')
    .replace('/app.js', `/${script}`)
    .replace('/page.css', `/${stylesheet}`);
  writeFileSync(join(out, 'index.html'), page);
  return { script, stylesheet };
}

if (process.argv[1]?.endsWith('dashboard/build.ts')) {
  const { script, stylesheet } = await buildDashboard();
  console.log(`Built dist/dashboard: ${script}, ${stylesheet}`);
}
