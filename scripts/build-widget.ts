import { buildWidgetBundle } from '../adapters/web/widget-bundle.ts';

/** The widget must stay small enough to embed anywhere. */
const GZIP_BUDGET_BYTES = 30 * 1024;

const bundle = await buildWidgetBundle();
const raw = Buffer.byteLength(bundle.code);
const gzipped = bundle.gzipped.byteLength;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`widget.js: ${kib(raw)} raw, ${kib(gzipped)} gzipped (budget ${kib(GZIP_BUDGET_BYTES)} gzipped), etag ${bundle.etag}`);
if (gzipped > GZIP_BUDGET_BYTES) {
  console.error(`widget.js is ${gzipped - GZIP_BUDGET_BYTES} bytes over the gzip budget`);
  process.exitCode = 1;
}
