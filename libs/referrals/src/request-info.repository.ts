import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RequestInfoExchange } from './request-info-exchange.entity';

/** The question-and-answer rounds of requests that needed more information. */
@Injectable()
export class RequestInfoRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens the next round, inside the caller's transaction (which holds the request's row lock, so rounds never collide). */
  async ask(manager: EntityManager, organisationId: string, requestId: string, question: string, askedByUserId: string): Promise<RequestInfoExchange> {
    const [{ round }] = await manager.query(`SELECT coalesce(max(round), 0) + 1 AS round FROM request_info_exchange WHERE request_id = $1`, [requestId]);
    return manager.getRepository(RequestInfoExchange).save({ organisationId, requestId, round, question, askedByUserId });
  }

  /**
   * Answers the latest open round (null: with changes to the request only), inside the caller's transaction. A request in needs_info always has
   * one: triage opens it in the same transaction (and the migration opened one for older requests).
   */
  async answer(manager: EntityManager, organisationId: string, requestId: string, answer: string | null, answeredByUserId: string): Promise<RequestInfoExchange> {
    const repository = manager.getRepository(RequestInfoExchange);
    const open = await repository.findOneOrFail({ where: { organisationId, requestId, answeredAt: IsNull() }, order: { round: 'DESC' } });
    return repository.save({ ...open, answer, answeredByUserId, answeredAt: new Date() });
  }

  async find(manager: EntityManager, organisationId: string, id: string): Promise<RequestInfoExchange | null> {
    return manager.getRepository(RequestInfoExchange).findOne({ where: { organisationId, id } });
  }

  async forRequest(organisationId: string, requestId: string): Promise<RequestInfoExchange[]> {
    return this.dataSource.getRepository(RequestInfoExchange).find({ where: { organisationId, requestId }, order: { round: 'ASC' } });
  }
}
