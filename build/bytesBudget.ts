import type { Plugin } from 'vite';
import { measureScreen, type BuiltChunk } from './screenBytes.ts';

export interface BytesBudgetOptions {
  /** The views of the screen, as in build/screens.ts. */
  views: readonly string[];
  maxGzip: number;
  clientRoot: string;
}

/**
 * Fails `vite build` when the screen's initial JavaScript, gzipped, grows past the budget: a dependency or a
 * static import added without a thought shows up in the build that brought it, not months later on a phone.
 */
export function bytesBudget({ views, maxGzip, clientRoot }: BytesBudgetOptions): Plugin {
  return {
    name: 'malbild-bytes-budget',
    apply: 'build',
    // After the bundle is final (the preload helper and import paths rewritten): the bytes the phone downloads.
    writeBundle(_options, bundle) {
      const chunks: BuiltChunk[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunks.push({ fileName: output.fileName, code: output.code, isEntry: output.isEntry, imports: output.imports, moduleIds: output.moduleIds });
      }
      const bytes = measureScreen(chunks, views, clientRoot);
      if (bytes.gzip > maxGzip) {
        this.error(
          `The phone's first screen loads ${bytes.gzip} bytes of JavaScript gzipped, over its budget of ${maxGzip} (build/screens.ts). ` +
            `Files: ${bytes.files.join(', ')}. Load what that screen does not need with a dynamic import().`,
        );
      }
      this.info(`first screen: ${bytes.gzip} bytes gzip (budget ${maxGzip}), ${bytes.brotli} brotli, ${bytes.files.length} files`);
    },
  };
}
