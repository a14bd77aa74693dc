import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig, redisOptionsFromUrl } from '@app/core';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue-names';

/** All queues by name, for code (the relay) that adds to whichever queue a job belongs to. */
export class Queues {
  constructor(private readonly byName: Map<QueueName, Queue>) {}

  get(name: QueueName): Queue {
    const queue = this.byName.get(name);
    if (!queue) throw new Error(`Queue ${name} is not registered`);
    return queue;
  }

  all(): Queue[] {
    return [...this.byName.values()];
  }
}

const queueNames = Object.values(QueueName);

/** BullMQ on Redis with the central job defaults; every queue of QueueName registered. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { ...redisOptionsFromUrl(config.redis.url), maxRetriesPerRequest: null },
        prefix: config.redis.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...queueNames.map((name) => ({ name }))),
  ],
  providers: [
    {
      provide: Queues,
      inject: queueNames.map((name) => getQueueToken(name)),
      useFactory: (...queues: Queue[]) => new Queues(new Map(queueNames.map((name, i) => [name, queues[i]]))),
    },
  ],
  exports: [BullModule, Queues],
})
export class QueueModule {}
