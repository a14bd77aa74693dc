import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { FollowUpRepository } from '@app/feedback';

/**
 * Every FOLLOWUP_RECONCILE_MS: any open follow-up that is due, not reminded, and has no reminder row
 * in the outbox gets one. The plan lives in PostgreSQL; this is the safety net behind the queue.
 */
@Injectable()
export class FollowUpReconcilerLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('FollowUpReconciler');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;

  constructor(
    private readonly followUps: FollowUpRepository,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.pass) return; // the previous pass is still running
      this.pass = this.followUps
        .reconcile()
        .then((added) => {
          if (added > 0) this.logger.warn(`Re-enqueued ${added} due follow-up reminder(s) that had no job`);
        })
        .catch((error: unknown) => this.logger.error(`Follow-up reconcile failed; retrying next time: ${(error as Error).message}`))
        .finally(() => (this.pass = undefined));
    }, this.config.followUps.reconcileMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }
}
