import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { scheduleCredentialScan } from '@app/notifications';
import { OutboxRepository } from '@app/outbox';

/** Starts the daily credential scan's chain: today's row, once per day whatever the number of workers. */
@Injectable()
export class CredentialScanStarter implements OnApplicationBootstrap {
  private readonly logger = new Logger('CredentialScan');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The chain continues from the last scan; a failure here only delays it to the next start.
    await scheduleCredentialScan(this.dataSource, this.outbox).catch((error: Error) => this.logger.error(`Could not schedule today's credential scan: ${error.message}`));
  }
}
