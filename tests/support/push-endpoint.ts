import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedPush {
  subscriptionId: string;
  headers: IncomingHttpHeaders;
  /** The VAPID JWT verified with the key in the Authorization header, and its claims. */
  vapid: { valid: boolean; publicKey: string; aud?: string; sub?: string; exp?: number };
  /** The decrypted payload, parsed as JSON. */
  payload: unknown;
}

interface TestSubscription {
  ecdh: ReturnType<typeof createECDH>;
  auth: Buffer;
}

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) => Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/**
 * A local push service that does what a browser's push service and the browser do together:
 * it accepts the push POST, checks the VAPID Authorization header (RFC 8292: an ES256 JWT whose
 * `aud` is this endpoint's origin, verified with the key sent beside it) and decrypts the
 * aes128gcm body (RFC 8291, RFC 8188) with the subscription keys the test made. `answer` sets the
 * status a subscription's endpoint answers (201 unless told).
 */
export class PushEndpoint {
  readonly received: ReceivedPush[] = [];
  private readonly subscriptions = new Map<string, TestSubscription>();
  private readonly answers = new Map<string, number>();
  private server?: Server;

  get origin(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** A browser's subscription: a fresh P-256 key pair and auth secret, as `subscription.toJSON()` gives them. */
  subscribe(): { id: string; endpoint: string; keys: { p256dh: string; auth: string } } {
    const id = randomBytes(8).toString('hex');
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.subscriptions.set(id, { ecdh, auth });
    return { id, endpoint: `${this.origin}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
  }

  answer(subscriptionId: string, status: number): void {
    this.answers.set(subscriptionId, status);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const subscriptionId = (request.url ?? '').split('/').pop() as string;
        const subscription = this.subscriptions.get(subscriptionId);
        if (!subscription) return response.writeHead(404).end();
        this.received.push({
          subscriptionId,
          headers: request.headers,
          vapid: this.checkVapid(String(request.headers.authorization ?? '')),
          payload: request.headers['content-encoding'] === 'aes128gcm' ? JSON.parse(decrypt(subscription, Buffer.concat(chunks))) : null,
        });
        response.writeHead(this.answers.get(subscriptionId) ?? 201).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** `vapid t=<jwt>, k=<public key>` (RFC 8292 section 3). */
  private checkVapid(header: string): ReceivedPush['vapid'] {
    const t = /t=([^,\s]+)/.exec(header)?.[1] ?? '';
    const k = /k=([^,\s]+)/.exec(header)?.[1] ?? '';
    const [head, claims, signature] = t.split('.');
    const point = Buffer.from(k, 'base64url');
    if (!head || !claims || !signature || point.length !== 65) return { valid: false, publicKey: k };
    const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
    const valid =
      JSON.parse(Buffer.from(head, 'base64url').toString()).alg === 'ES256' &&
      verify('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
    return { valid, publicKey: k, ...JSON.parse(Buffer.from(claims, 'base64url').toString()) };
  }
}

/** RFC 8291 section 3.4 and RFC 8188: one record, as push messages are. */
function decrypt(subscription: TestSubscription, body: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const senderKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const receiverKey = subscription.ecdh.getPublicKey();
  const sharedSecret = subscription.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverKey, senderKey]);
  const ikm = hkdf(subscription.auth, sharedSecret, keyInfo, 32);
  const contentKey = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end > 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('Push record lacks its final delimiter');
  return padded.subarray(0, end).toString('utf8');
}
