import { resolve } from 'node:path';
import { brotli, gzip } from './compression.ts';

/** What the measure needs of a chunk of the client build (Rollup's output chunk has all of it). */
export interface BuiltChunk {
  fileName: string;
  code: string;
  isEntry: boolean;
  /** Chunks this one imports statically: the browser loads them before running it. */
  imports: readonly string[];
  /** Absolute paths of the source modules bundled into this chunk. */
  moduleIds: readonly string[];
}

export interface ScreenBytes {
  /** The JavaScript files loaded before the screen can show, the entry's first. */
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * The initial JavaScript of a screen: the app's entry chunk and the chunks holding the screen's views
 * (the route components a first visit passes through), each with every chunk it imports statically.
 * Views are source paths relative to `clientRoot`, such as `views/LoginView.vue`.
 */
export function measureScreen(chunks: readonly BuiltChunk[], views: readonly string[], clientRoot: string): ScreenBytes {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('The build has no entry chunk.');
  const files: string[] = [];
  const add = (chunk: BuiltChunk) => {
    if (files.includes(chunk.fileName)) return;
    files.push(chunk.fileName);
    for (const name of chunk.imports) {
      const imported = byName.get(name);
      if (imported) add(imported);
    }
  };
  add(entry);
  for (const view of views) {
    const id = resolve(clientRoot, view);
    const holder = chunks.find((chunk) => chunk.moduleIds.includes(id));
    // A renamed or moved view must not silently drop out of the measure.
    if (!holder) throw new Error(`${view} is in no chunk of the build.`);
    add(holder);
  }
  let raw = 0;
  let gzipped = 0;
  let brotlied = 0;
  for (const name of files) {
    const code = Buffer.from(byName.get(name)!.code);
    raw += code.byteLength;
    gzipped += gzip(code).byteLength;
    brotlied += brotli(code).byteLength;
  }
  return { files, raw, gzip: gzipped, brotli: brotlied };
}
