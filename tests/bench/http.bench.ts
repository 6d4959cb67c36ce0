// The API under load: /api/summary against a static file from the same `wrangler dev`, on loopback,
// bounded in requests and time.
import { readdirSync } from 'node:fs';
import autocannon from 'autocannon';
import { buildDashboard } from '../../dashboard/build.ts';
import { startWranglerDev } from '../browser/wrangler-dev.ts';
import { printTable } from './measure.ts';

const REQUESTS = 3000;
const CONNECTIONS = 8;

let reader = 0;

async function load(url: string) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: REQUESTS,
    timeout: 10,
    // Many readers, as in production: one client address would meet API_RATE_LIMIT (600 a
    // minute per address) and measure the limiter instead. wrangler dev passes the header on;
    // Cloudflare's edge sets it from the real connection.
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: {
            ...request.headers,
            'cf-connecting-ip': `10.${(reader++ >> 8) & 255}.${reader & 255}.1`,
          },
        }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export async function run(): Promise<void> {
  await buildDashboard();
  const css = readdirSync('dist/dashboard/assets').find((f) => f.endsWith('.css'))!;
  const server = await startWranglerDev();
  try {
    // The first request syncs the bundled matrix; warm both paths before measuring.
    await fetch(`${server.url}/api/summary`);
    await load(`${server.url}/api/summary`);
    const api = await load(`${server.url}/api/summary`);
    const file = await load(`${server.url}/assets/${css}`);
    const f = (n: number) => n.toFixed(0);
    printTable(
      `HTTP on loopback (wrangler dev, ${REQUESTS} requests, ${CONNECTIONS} connections)`,
      [
        ['resource', 'req/s', 'p50 ms', 'p99 ms'],
        ['/api/summary', f(api.rps), f(api.p50), f(api.p99)],
        [`static /assets/${css}`, f(file.rps), f(file.p50), f(file.p99)],
      ],
    );
    console.log(
      `  static / API throughput: ${(file.rps / api.rps).toFixed(2)}× (target: within 1.5×)`,
    );
    console.log(`  API / static p50 latency: ${(api.p50 / Math.max(1, file.p50)).toFixed(2)}×`);
  } finally {
    await server.stop();
  }
}
