import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compression } from '../server/lib/compression.ts';

/**
 * The floor of the load benchmark: a Hono app on @hono/node-server, in a process of its own as the real
 * server is, answering the bytes the real server answered (read from BODIES_FILE) with the same
 * compression middleware (server/lib/compression.ts) and no work at all. Started by bench/loadBench.ts.
 */
const bodies = JSON.parse(readFileSync(process.env.BODIES_FILE!, 'utf8')) as Record<string, string>;
const json = { 'content-type': 'application/json; charset=UTF-8' };

const app = new Hono();
app.use('*', compression());
app.get('/health', (c) => c.text('ok'));
app.get('/pull/:name', (c) => c.body(bodies[c.req.param('name')] ?? '{}', 200, json));
// A push floor still reads and parses the batch it is sent, as any handler of it must.
app.post('/push', async (c) => {
  await c.req.json();
  return c.body(bodies.push ?? '{}', 200, json);
});

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
