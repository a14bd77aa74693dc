import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  /** The HMAC-SHA256 signature over `<timestamp>.<body>` matched the secret. */
  signatureValid: boolean;
}

/** A local webhook receiver that checks signatures. `hangMs` makes it answer late; `failWith` with an error status. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  hangMs = 0;
  failWith = 0;
  private server?: Server;

  constructor(private readonly secret: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hook`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const timestamp = String(request.headers['x-signature-timestamp']);
        const expected = `sha256=${createHmac('sha256', this.secret).update(`${timestamp}.${raw}`).digest('hex')}`;
        const given = String(request.headers['x-signature'] ?? '');
        const signatureValid = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
        const answer = () => {
          if (response.destroyed) return;
          this.received.push({ headers: request.headers, raw, body: JSON.parse(raw), signatureValid });
          response.writeHead(this.failWith || 200).end();
        };
        if (this.hangMs > 0) setTimeout(answer, this.hangMs);
        else answer();
      });
    });
    // A sender that dies mid-request (a killed worker) resets its connection: not the receiver's problem.
    this.server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

export interface ReceivedEmail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** A local SMTP server (no TLS, no auth) that keeps what it receives. */
export class SmtpReceiver {
  readonly received: ReceivedEmail[] = [];
  private server?: SMTPServer;
  port = 0;

  /** `port` 0 picks a free one; give the old port to restart a stopped receiver where the app expects it. */
  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
            this.received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '' });
            callback();
          })
          .catch(callback);
      },
    });
    this.server.on('error', () => undefined); // a sender killed mid-message resets the connection
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** Polls until `check` returns a truthy value (and returns it), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000, what = 'the condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ReceivedText {
  headers: IncomingHttpHeaders;
  body: { to: string; from: string; text: string };
}

/** A local SMS gateway: keeps what it is sent, answers `status` (200 unless told), or late with `hangMs`. */
export class SmsGatewayStub {
  readonly received: ReceivedText[] = [];
  status = 200;
  hangMs = 0;
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/messages`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        const answer = () => !response.destroyed && response.writeHead(this.status, { 'content-type': 'application/json' }).end('{"id":"msg-1"}');
        if (this.hangMs > 0) setTimeout(answer, this.hangMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
