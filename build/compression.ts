import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * How the server sends the app's files: compressed once at build time at the highest levels (the time is
 * spent once, not per request), so the byte counts of the budget are the bytes a phone downloads.
 */
export const gzip = (data: Uint8Array): Buffer => gzipSync(data, { level: 9 });

export const brotli = (data: Uint8Array): Buffer =>
  brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength },
  });
