import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds bench/browser/ (the app's sync modules and a page to drive them) into a folder the server can serve as its client. */
export async function buildBenchPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'malbild-bench-page-'));
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./browser/', import.meta.url)),
    resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: true },
    logLevel: 'warn',
  });
  return outDir;
}
