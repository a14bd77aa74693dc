import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { OutboxRelayService } from '@app/outbox';

/**
 * Polls the outbox while the worker runs. On shutdown it stops polling and waits for a pass in
 * progress, so no claimed batch is left half done.
 */
@Injectable()
export class OutboxRelayLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly relay: OutboxRelayService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pass;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.relay
        .relayPending()
        .then((n) => this.schedule(n > 0 ? 0 : this.config.worker.outboxPollMs))
        .catch((error: unknown) => {
          this.logger.error(`Outbox relay pass failed; retrying: ${(error as Error).message}`);
          this.schedule(this.config.worker.outboxPollMs * 4);
        });
    }, delayMs);
  }
}
