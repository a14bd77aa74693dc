import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError } from '@app/core';
import { DataSource } from 'typeorm';
import { Organisation } from '../entities/organisation.entity';
import { User } from '../entities/user.entity';
import { isUniqueViolation, NewUser, UserRepository } from './user.repository';

@Injectable()
export class OrganisationRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
  ) {}

  async findById(id: string): Promise<Organisation | null> {
    return this.dataSource.getRepository(Organisation).findOne({ where: { id } });
  }

  /** Merges settings into the organisation's (other keys stay). */
  async mergeSettings(id: string, settings: Record<string, unknown>): Promise<Organisation | null> {
    await this.dataSource.query(`UPDATE organisation SET settings = settings || $2::jsonb, updated_at = now() WHERE id = $1`, [id, JSON.stringify(settings)]);
    return this.findById(id);
  }

  /** Creates an organisation together with its first admin, all or nothing. */
  async createWithAdmin(name: string, isHost: boolean, admin: NewUser): Promise<{ organisation: Organisation; admin: User }> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organisation = await manager.getRepository(Organisation).save({ name, isHost, settings: {} });
        const user = await this.users.insert(manager, organisation.id, admin);
        return { organisation, admin: user };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organisation_host')) throw new ConflictError('host_exists');
      throw error;
    }
  }
}
