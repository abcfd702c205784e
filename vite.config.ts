import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { bytesBudget } from './build/bytesBudget.ts';
import { precompress } from './build/precompress.ts';
import { PHONE_BUDGET_GZIP, PHONE_FIRST_SCREEN } from './build/screens.ts';

const shared = fileURLToPath(new URL('./shared', import.meta.url));
const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const apiPort = Number(process.env.API_PORT ?? 8787);

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [
    // Every component is `<script setup>`: Vue's Options API support would be dead weight on every phone.
    vue({ features: { optionsAPI: false } }),
    // The service worker is client/sw.ts, built next to the app with this build's file list injected. The
    // app registers it itself (useAppUpdate); the manifest is the static client/public/manifest.webmanifest.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // A classic script, not an ES module: every browser that runs service workers runs it.
        rollupFormat: 'iife',
      },
    }),
    bytesBudget({ views: PHONE_FIRST_SCREEN, maxGzip: PHONE_BUDGET_GZIP, clientRoot }),
    precompress(),
  ],
  resolve: { alias: { '@shared': shared } },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': `http://localhost:${apiPort}` } },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Opening a fresh PGlite per test file takes seconds, more on a busy 2-core machine; a test that
          // walks every route or restarts a mail queue takes 2–3 s alone and passed 5 s under load.
          hookTimeout: 60_000,
          testTimeout: 20_000,
          // Vitest's default is one worker less than the cores, one on this 2-core machine; these files wait on
          // PGlite, Chromium and child servers enough that two workers take the unit part from ~7 to ~5 minutes.
          maxWorkers: 2,
          include: ['build/**/*.test.ts', 'shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'tests/sync/**/*.test.ts', 'tests/hostile/**/*.test.ts', 'tests/production/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
