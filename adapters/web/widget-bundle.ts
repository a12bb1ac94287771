import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface WidgetBundle {
  code: string;
  gzipped: Buffer;
  /** A strong validator: the quoted SHA-256 of the code. */
  etag: string;
}

const entryPoint = fileURLToPath(new URL('./widget/main.ts', import.meta.url));

/** Bundles and minifies the widget (adapters/web/widget/*.ts) into one self-contained script. */
export async function buildWidgetBundle(): Promise<WidgetBundle> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('adapters/web/widget-bundle.ts: esbuild produced no output for widget/main.ts');
  const code = output.text;
  return {
    code,
    gzipped: gzipSync(code, { level: 9 }),
    etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 32)}"`,
  };
}

let cached: Promise<WidgetBundle> | undefined;

/** The bundle, built once per process and kept in memory; a failed build is retried on the next call. */
export function loadWidgetBundle(): Promise<WidgetBundle> {
  cached ??= buildWidgetBundle().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
