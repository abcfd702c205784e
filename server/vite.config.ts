import { cpSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The server as plain ES modules for `node dist-server/index.js` (and `restored.js`): the app's own code (server and
 * shared) bundled, its dependencies left to node_modules, no TypeScript loader at run time. The SQL
 * migrations and the demo plan are read from disk beside the bundle, so they are copied there.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const besideTheBundle: Plugin = {
  name: 'malbild-server-files',
  writeBundle() {
    cpSync(`${root}server/db/migrations`, `${root}dist-server/migrations`, { recursive: true });
    for (const file of readdirSync(`${root}server/demo`).filter((name) => name.endsWith('.json'))) cpSync(`${root}server/demo/${file}`, `${root}dist-server/${file}`);
  },
};
export default defineConfig({
  root,
  publicDir: false,
  plugins: [besideTheBundle],
  resolve: { alias: { '@shared': `${root}shared` } },
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    copyPublicDir: false,
    // The server, and the command run after restoring a backup; what they share goes in chunks beside them
    // (not in a subfolder), so paths read relative to the code still find the migrations.
    rollupOptions: {
      input: { index: `${root}server/index.ts`, restored: `${root}server/cli/restored.ts` },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
