import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export interface Secrets {
  idHashKey: string;
  downloadLinkKey: string;
}

const storedSecrets = z.object({ idHashKey: z.string().min(32), downloadLinkKey: z.string().min(32) });

/**
 * Keys for ID-number hashes and download links. Values from the environment win; otherwise
 * they are generated once and kept in `<dataDir>/secrets.json` (mode 600), because a new
 * ID hash key would orphan every stored holder.
 */
export async function loadSecrets(options: { dataDir: string; idHashSecret?: string | undefined; downloadLinkSecret?: string | undefined }): Promise<Secrets> {
  if (options.idHashSecret && options.downloadLinkSecret) {
    return { idHashKey: options.idHashSecret, downloadLinkKey: options.downloadLinkSecret };
  }
  const file = join(options.dataDir, 'secrets.json');
  let stored: Secrets;
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing === null) {
    stored = { idHashKey: randomBytes(32).toString('hex'), downloadLinkKey: randomBytes(32).toString('hex') };
    await mkdir(options.dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
      // Another process created it first: use theirs.
      if (error.code !== 'EEXIST') throw error;
      stored = await readStored(file);
    });
  } else {
    stored = parseStored(existing, file);
  }
  await chmod(file, 0o600);
  return {
    idHashKey: options.idHashSecret ?? stored.idHashKey,
    downloadLinkKey: options.downloadLinkSecret ?? stored.downloadLinkKey,
  };
}

async function readStored(file: string): Promise<Secrets> {
  return parseStored(await readFile(file, 'utf8'), file);
}

function parseStored(text: string, file: string): Secrets {
  const parsed = storedSecrets.safeParse((() => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  })());
  if (!parsed.success) throw new Error(`${file} is not a valid secrets file (expected idHashKey and downloadLinkKey of at least 32 characters)`);
  return parsed.data;
}
