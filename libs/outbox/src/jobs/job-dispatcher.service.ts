import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { OutboxRepository } from '../outbox/outbox.repository';
import { JobName, JobPayload } from '../queue/queue-names';
import { JOB_HANDLER_METADATA, JobHandler } from './job-handler';

/**
 * Finds the handlers at startup and refuses to start unless every job name has exactly one.
 * Runs a job's handler, then marks its outbox row processed.
 */
@Injectable()
export class JobDispatcher implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly outbox: OutboxRepository,
  ) {}

  onModuleInit(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const name: JobName | undefined = wrapper.metatype ? Reflect.getMetadata(JOB_HANDLER_METADATA, wrapper.metatype) : undefined;
      if (!name || !wrapper.instance) continue;
      found.set(name, [...(found.get(name) ?? []), wrapper.name]);
      this.handlers.set(name, wrapper.instance as JobHandler);
    }
    const problems = Object.values(JobName).flatMap((name) => {
      const owners = found.get(name) ?? [];
      if (owners.length === 1) return [];
      return [`${name}: ${owners.length === 0 ? 'no handler' : `${owners.length} handlers (${owners.join(', ')})`}`];
    });
    if (problems.length > 0) throw new Error(`Every job needs exactly one handler:\n  - ${problems.join('\n  - ')}`);
  }

  async dispatch<J extends JobName>(name: J, payload: JobPayload<J>): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job ${name}`);
    try {
      await handler.handle(payload);
    } catch (error) {
      throw withoutAddresses(error);
    }
    await this.outbox.markProcessed(payload.outboxId);
  }
}

const ADDRESS = /[^\s<>"'@]+@[^\s<>"'@]+\.[^\s<>"'@]+/g;

/**
 * BullMQ keeps a failed job's message in Redis, which must hold no personal data; an SMTP refusal
 * ("recipient … rejected") names the address, so addresses are blanked out of what is rethrown.
 */
function withoutAddresses(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const message = error.message.replace(ADDRESS, '<address>');
  if (message === error.message) return error;
  const clean = new Error(message);
  clean.name = error.name;
  return clean;
}
