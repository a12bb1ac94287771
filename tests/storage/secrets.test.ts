import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecrets } from '../../src/storage/secrets.ts';

describe('loadSecrets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'secrets-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates keys once, keeps them in secrets.json with mode 600, and returns the same keys later', async () => {
    const first = await loadSecrets({ dataDir: dir });
    expect(first.idHashKey).toMatch(/^[0-9a-f]{64}$/);
    expect(first.downloadLinkKey).not.toBe(first.idHashKey);
    expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    expect(await loadSecrets({ dataDir: dir })).toEqual(first);
  });

  it('lets environment values win, one by one', async () => {
    const stored = await loadSecrets({ dataDir: dir });
    const fromEnv = 'e'.repeat(40);
    expect(await loadSecrets({ dataDir: dir, idHashSecret: fromEnv })).toEqual({ idHashKey: fromEnv, downloadLinkKey: stored.downloadLinkKey });
    const fresh = join(dir, 'none');
    expect(await loadSecrets({ dataDir: fresh, idHashSecret: fromEnv, downloadLinkSecret: 'd'.repeat(40) })).toEqual({ idHashKey: fromEnv, downloadLinkKey: 'd'.repeat(40) });
    await expect(stat(join(fresh, 'secrets.json'))).rejects.toThrow();
  });

  it('names the file when it is damaged', async () => {
    const damaged = join(dir, 'damaged');
    await loadSecrets({ dataDir: damaged });
    await writeFile(join(damaged, 'secrets.json'), '{"idHashKey": "short"}');
    await expect(loadSecrets({ dataDir: damaged })).rejects.toThrow(/secrets\.json is not a valid secrets file/);
    expect(await readFile(join(damaged, 'secrets.json'), 'utf8')).toContain('short');
  });
});
