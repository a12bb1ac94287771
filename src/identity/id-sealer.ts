import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Keeps an ID number typed before the name out of the conversation state in the clear:
 * AES-256-GCM under a key derived from the assistant's secret, opened once the name arrives.
 */
export interface IdSealer {
  seal(idNumber: string): string;
  open(sealed: string): string | null;
}

export function createIdSealer(secret: string): IdSealer {
  const key = createHash('sha256').update(`id-sealer:${secret}`).digest();
  return {
    seal(idNumber) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
    },
    open(sealed) {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
      if (!iv || !tag || !body) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
