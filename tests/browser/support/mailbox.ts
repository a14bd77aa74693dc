import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailMessage {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

/**
 * The test run's mail server: the API sends over SMTP, test workers (other processes) read over HTTP:
 * `GET /messages?to=<address>` answers the parsed messages to that address (all without `to`), oldest first.
 */
export class MailboxServer {
  private readonly messages: MailMessage[] = [];
  private smtp?: SMTPServer;
  private http?: Server;
  smtpPort = 0;
  httpPort = 0;

  get url(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  async start(): Promise<this> {
    this.smtp = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push({
              // The envelope, not the header: it is where the message really went.
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: mail.from?.text ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              receivedAt: new Date().toISOString(),
            });
            callback();
          })
          .catch(callback);
      },
    });
    this.smtp.on('error', () => undefined); // a sender gone mid-message is not the mailbox's problem
    await new Promise<void>((resolve) => this.smtp?.listen(0, '127.0.0.1', () => resolve()));
    this.smtpPort = (this.smtp.server.address() as AddressInfo).port;

    this.http = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://mailbox');
      if (request.method !== 'GET' || url.pathname !== '/messages') return void response.writeHead(404).end();
      const to = url.searchParams.get('to')?.toLowerCase();
      const found = to ? this.messages.filter((m) => m.to.includes(to)) : this.messages;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found));
    });
    await new Promise<void>((resolve) => this.http?.listen(0, '127.0.0.1', resolve));
    this.httpPort = (this.http.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.http?.closeAllConnections();
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.smtp ? this.smtp.close(() => resolve()) : resolve()));
  }
}

/** A test worker's view of the mailbox (over HTTP). */
export class Mailbox {
  constructor(private readonly url = requiredEnv('BROWSER_MAILBOX_URL')) {}

  async messages(to: string): Promise<MailMessage[]> {
    const response = await fetch(`${this.url}/messages?to=${encodeURIComponent(to)}`);
    if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
    return (await response.json()) as MailMessage[];
  }

  /** The newest message to `to` (whose subject matches, when given), waiting up to `timeoutMs` for it. */
  async waitFor(to: string, options: { subject?: RegExp; timeoutMs?: number } = {}): Promise<MailMessage> {
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    for (;;) {
      const found = (await this.messages(to)).filter((m) => !options.subject || options.subject.test(m.subject)).at(-1);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no email to ${to}${options.subject ? ` with a subject like ${options.subject}` : ''} arrived`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * The newest link to a portal path in a message to `to` (e.g. `/invitation` → `http://localhost:…/invitation#token=…`),
   * made relative so the page opens it against baseURL.
   */
  async link(to: string, path: string, options: { subject?: RegExp; timeoutMs?: number } = {}): Promise<string> {
    const message = await this.waitFor(to, options);
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`https?://[^\\s"'<>]+?(${escaped}(?:[?#][^\\s"'<>]*)?)(?=[\\s"'<>]|$)`).exec(message.text);
    if (!match) throw new Error(`the email to ${to} "${message.subject}" has no ${path} link`);
    return match[1];
  }
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with playwright test -c tests/browser (its global setup sets it)`);
  return value;
}
