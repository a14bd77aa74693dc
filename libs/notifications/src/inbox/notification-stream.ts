import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@app/core';
import { InboxItem, InboxService } from './inbox.service';
import { NOTIFICATION_CHANNEL } from './notification.repository';

export interface StreamListener {
  organisationId: string;
  send(item: InboxItem): void;
  close(): void;
}

/**
 * The live side of the inbox. Every committed notification is announced by PostgreSQL (NOTIFY with
 * `<userId>:<id>`, ids only); each API instance LISTENs on a connection of its own and, for users
 * with an open stream here, reloads the row from PostgreSQL and hands it to their listeners. So a
 * stream opened on one instance sees notifications written by any other, or by the worker.
 */
@Injectable()
export class NotificationStream implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationStream');
  private readonly listeners = new Map<string, Set<StreamListener>>();
  private client?: Client;
  private closing = false;

  constructor(
    private readonly config: AppConfig,
    private readonly inbox: InboxService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  /** Registers a listener for a user; returns the function that removes it. */
  subscribe(userId: string, listener: StreamListener): () => void {
    const set = this.listeners.get(userId) ?? new Set<StreamListener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  get open(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const set of this.listeners.values()) for (const listener of set) listener.close();
    this.listeners.clear();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.database.url });
    client.on('notification', (message) => void this.announce(message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.error(`Notification listener lost its connection; reconnecting: ${error.message}`);
      this.reconnectLater();
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    this.client = client;
  }

  private reconnectLater(): void {
    if (this.closing) return;
    setTimeout(() => this.connect().catch((error: Error) => (this.logger.error(`Reconnect failed: ${error.message}`), this.reconnectLater())), 1000).unref();
  }

  private async announce(payload: string): Promise<void> {
    const [userId, id] = payload.split(':');
    const listeners = this.listeners.get(userId);
    if (!listeners || listeners.size === 0) return;
    try {
      for (const listener of listeners) {
        const item = await this.inbox.find(listener.organisationId, userId, id);
        if (item) listener.send(item);
      }
    } catch (error) {
      this.logger.error(`Could not load notification ${id} for a stream: ${(error as Error).message}`);
    }
  }
}
