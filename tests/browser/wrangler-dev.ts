// Starting `wrangler dev` on loopback for browser tests and benchmarks, and stopping it again.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Ports handed out by this process: two servers starting at once must not be given the same one.
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await askKernelForPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

function askKernelForPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface DevServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * A `wrangler dev` with its own local KV (a fresh --persist-to folder), so every run starts from
 * an empty store and the first request syncs, as on a fresh machine.
 */
export async function startWranglerDev(
  options: { envFile?: string; vars?: Record<string, string> } = {},
): Promise<DevServer> {
  const port = await freePort();
  // The devtools inspector defaults to 9229 for every `wrangler dev`: two servers started together
  // (or any other process holding 9229) make workerd fail to bind, so each gets its own port.
  const inspectorPort = await freePort();
  const persist = mkdtempSync(join(tmpdir(), 'wrangler-state-'));
  const args = [
    'wrangler',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--persist-to',
    persist,
    '--show-interactive-dev-session=false',
  ];
  if (options.envFile) args.push('--env-file', options.envFile);
  for (const [key, value] of Object.entries(options.vars ?? {}))
    args.push('--var', `${key}:${value}`);
  const child = spawn('npx', args, {
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/api/sync`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`wrangler dev did not answer on ${url} within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      // wrangler starts workerd as a child: end the whole group.
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await new Promise((r) => {
        const timer = setTimeout(r, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          r(undefined);
        });
      });
    },
  };
}
