import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';

const PREFIX = 'enc:v1:';

/**
 * Secrets the service must be able to use again (webhook signing secrets, TOTP secrets) are stored encrypted with
 * AES-256-GCM under SECRETS_KEY: `enc:v1:<iv>:<tag>:<ciphertext>`, base64. A database dump alone then
 * reveals none of them. Without a key (development) values are stored as given, and values stored
 * before a key was set are still read.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer | null;

  constructor(config: AppConfig) {
    this.key = config.secretsKey ? Buffer.from(config.secretsKey, 'base64') : null;
  }

  seal(plain: string): string {
    if (!this.key) return plain;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
  }

  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    if (!this.key) throw new Error('A secret is stored encrypted, but SECRETS_KEY is not set');
    const [iv, tag, data] = stored.slice(PREFIX.length).split(':').map((part) => Buffer.from(part, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}
