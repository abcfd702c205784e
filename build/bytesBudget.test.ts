import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesBudget } from './bytesBudget.ts';
import { measureScreen, type BuiltChunk } from './screenBytes.ts';

const root = '/app/client';
/** Code that hardly compresses (base64 of random bytes: about three quarters of its length gzipped). */
const incompressible = (bytes: number) => randomBytes(bytes).toString('base64').slice(0, bytes);
const chunk = (fileName: string, code: string, modules: string[], imports: string[] = [], isEntry = false): BuiltChunk => ({
  fileName,
  code,
  isEntry,
  imports,
  moduleIds: modules.map((m) => resolve(root, m)),
});

const build = (loginSize: number): BuiltChunk[] => [
  chunk('assets/index.js', incompressible(2_000), ['main.ts', 'views/LoginView.vue'], ['assets/vendor.js'], true),
  chunk('assets/vendor.js', incompressible(loginSize), ['../node_modules/vue/index.js']),
  chunk('assets/MyTasksView.js', incompressible(1_000), ['views/MyTasksView.vue'], ['assets/format.js']),
  chunk('assets/format.js', incompressible(500), ['format.ts']),
  chunk('assets/ReportView.js', incompressible(50_000), ['views/ReportView.vue']),
];

/** Runs the plugin's check over a bundle the way Vite would, and says whether it failed the build. */
function check(chunks: BuiltChunk[], maxGzip: number): { failed: string | null; info: string[] } {
  const plugin = bytesBudget({ views: ['views/LoginView.vue', 'views/MyTasksView.vue'], maxGzip, clientRoot: root });
  const bundle = Object.fromEntries(chunks.map((c) => [c.fileName, { type: 'chunk', ...c }]));
  const info: string[] = [];
  const context = {
    error: (message: string) => {
      throw new Error(message);
    },
    info: (message: string) => void info.push(message),
  };
  const hook = plugin.writeBundle as unknown as (this: typeof context, options: unknown, bundle: unknown) => void;
  try {
    hook.call(context, {}, bundle);
    return { failed: null, info };
  } catch (error) {
    return { failed: (error as Error).message, info };
  }
}

describe('the initial JavaScript of a screen', () => {
  it('is the entry and the chunks of its views, each with what it imports statically, and nothing loaded later', () => {
    const bytes = measureScreen(build(10_000), ['views/LoginView.vue', 'views/MyTasksView.vue'], root);
    expect(bytes.files).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/MyTasksView.js', 'assets/format.js']);
    expect(bytes.raw).toBe(2_000 + 10_000 + 1_000 + 500);
    expect(bytes.gzip).toBeGreaterThan(bytes.raw * 0.7);
    expect(bytes.brotli).toBeLessThan(bytes.gzip);
  });

  it('refuses a view that is in no chunk, so a renamed screen cannot drop out of the measure', () => {
    expect(() => measureScreen(build(10_000), ['views/MyTaskView.vue'], root)).toThrow('views/MyTaskView.vue is in no chunk of the build.');
  });
});

describe('the bytes budget', () => {
  it('lets a build within its budget through and says how close it came', () => {
    const { failed, info } = check(build(10_000), 100_000);
    expect(failed).toBeNull();
    expect(info[0]).toMatch(/^first screen: \d+ bytes gzip \(budget 100000\)/);
  });

  it('fails the build when the first screen grows past its budget, naming its files', () => {
    const { failed } = check(build(150_000), 100_000);
    expect(failed).toMatch(/^The phone's first screen loads \d+ bytes of JavaScript gzipped, over its budget of 100000/);
    expect(failed).toContain('assets/vendor.js');
    expect(failed).not.toContain('assets/ReportView.js');
  });
});
