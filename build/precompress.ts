import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { brotli, gzip } from './compression.ts';

/** Files worth compressing; images are compressed already. */
const TEXT = /\.(?:js|mjs|css|html|svg|webmanifest|json|txt)$/;
/** Below this the server does not compress on the fly either (Hono's compress threshold). */
const SMALLEST = 1024;

/**
 * Writes `name.br` and `name.gz` beside each text file of the build, which the server sends to a browser
 * that accepts them (serveStatic's `precompressed`). Brotli at its highest level is too slow to run per
 * request but costs nothing once at build time, and is some 15–20 % smaller than gzip for the app's code.
 * Runs after everything else has written its files (the service worker is built last, in closeBundle).
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'malbild-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !TEXT.test(entry.name)) continue;
          const path = join(entry.parentPath, entry.name);
          const data = readFileSync(path);
          if (data.byteLength < SMALLEST) continue;
          for (const [suffix, compressed] of [['.br', brotli(data)], ['.gz', gzip(data)]] as const) {
            if (compressed.byteLength < data.byteLength) writeFileSync(path + suffix, compressed);
          }
        }
      },
    },
  };
}
