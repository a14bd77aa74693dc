import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProgrammeKind } from '@app/core';
import { DataSource } from 'typeorm';
import { Programme } from './programme.entity';

export type ProgrammeData = Omit<Programme, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'organisationRef'>;

@Injectable()
export class ProgrammeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get programmes() {
    return this.dataSource.getRepository(Programme);
  }

  async list(organisationId: string, filter: { kind?: ProgrammeKind; active?: boolean; skip: number; take: number }): Promise<[Programme[], number]> {
    return this.programmes.findAndCount({
      where: { organisationId, ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.active !== undefined ? { active: filter.active } : {}) },
      order: { name: 'ASC', id: 'ASC' },
      skip: filter.skip,
      take: filter.take,
    });
  }

  async find(organisationId: string, id: string): Promise<Programme | null> {
    return this.programmes.findOne({ where: { organisationId, id } });
  }

  async findMany(organisationId: string, ids: string[]): Promise<Programme[]> {
    if (ids.length === 0) return [];
    return this.programmes.createQueryBuilder('p').where('p.organisationId = :organisationId AND p.id = ANY(:ids)', { organisationId, ids }).getMany();
  }

  async create(organisationId: string, data: ProgrammeData): Promise<Programme> {
    return this.programmes.save(this.programmes.create({ ...data, organisationId }));
  }

  async update(organisationId: string, id: string, patch: Partial<ProgrammeData>): Promise<Programme | null> {
    if (Object.keys(patch).length > 0) await this.programmes.update({ organisationId, id }, patch as never);
    return this.find(organisationId, id);
  }
}
