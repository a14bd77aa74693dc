import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, NotFoundError, Page, Principal, ProgrammeKind } from '@app/core';
import { PROGRAMME_DEFAULTS } from './programme-defaults';
import { Programme, ScoringWeights } from './programme.entity';
import { ProgrammeData, ProgrammeRepository } from './programme.repository';

export type ProgrammeInput = Partial<Omit<ProgrammeData, 'kind' | 'scoringWeights' | 'followUpSchedule'>> & {
  name: string;
  kind: ProgrammeKind;
  scoringWeights?: Partial<ScoringWeights>;
  followUpSchedule?: Partial<Programme['followUpSchedule']>;
};

export type ProgrammeUpdate = Partial<Omit<ProgrammeInput, 'kind'>>;

@Injectable()
export class ProgrammesService {
  constructor(private readonly programmes: ProgrammeRepository) {}

  async list(actor: Principal, filter: { kind?: ProgrammeKind; active?: boolean; page: number; pageSize: number }): Promise<Page<Programme>> {
    const [items, total] = await this.programmes.list(actor.organisationId, { ...filter, skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(actor: Principal, id: string): Promise<Programme> {
    const programme = await this.programmes.find(actor.organisationId, id);
    if (!programme) throw new NotFoundError('Programme', id);
    return programme;
  }

  /** A new programme starts from the defaults of its kind; whatever the input gives overrides them. */
  async create(actor: Principal, input: ProgrammeInput): Promise<Programme> {
    const defaults = PROGRAMME_DEFAULTS[input.kind];
    const data: ProgrammeData = {
      name: input.name,
      kind: input.kind,
      description: input.description ?? null,
      active: input.active ?? true,
      requiredCredentials: input.requiredCredentials ?? defaults.requiredCredentials,
      minClientAge: input.minClientAge ?? null,
      diagnosisGroups: input.diagnosisGroups ?? [],
      maxMatchMonths: input.maxMatchMonths !== undefined ? input.maxMatchMonths : defaults.maxMatchMonths,
      maxDistanceKm: input.maxDistanceKm ?? defaults.maxDistanceKm,
      scoringWeights: { ...defaults.scoringWeights, ...(input.scoringWeights ?? {}) },
      followUpSchedule: { ...defaults.followUpSchedule, ...(input.followUpSchedule ?? {}) },
      vigilWaveSize: input.vigilWaveSize !== undefined ? input.vigilWaveSize : defaults.vigilWaveSize,
      vigilWaveIntervalMinutes: input.vigilWaveIntervalMinutes !== undefined ? input.vigilWaveIntervalMinutes : defaults.vigilWaveIntervalMinutes,
      vigilEscalationMinutes: input.vigilEscalationMinutes !== undefined ? input.vigilEscalationMinutes : defaults.vigilEscalationMinutes,
      maxVigilHours: input.maxVigilHours !== undefined ? input.maxVigilHours : defaults.maxVigilHours,
      progressFeedbackMonths: input.progressFeedbackMonths !== undefined ? input.progressFeedbackMonths : defaults.progressFeedbackMonths,
      noMatchFeedbackDays: input.noMatchFeedbackDays ?? defaults.noMatchFeedbackDays,
    };
    this.check(data);
    return this.programmes.create(actor.organisationId, data);
  }

  async update(actor: Principal, id: string, input: ProgrammeUpdate): Promise<Programme> {
    const current = await this.get(actor, id);
    const patch: Partial<ProgrammeData> = {
      ...input,
      scoringWeights: input.scoringWeights ? { ...current.scoringWeights, ...input.scoringWeights } : undefined,
      followUpSchedule: input.followUpSchedule ? { ...current.followUpSchedule, ...input.followUpSchedule } : undefined,
    };
    for (const key of Object.keys(patch) as (keyof ProgrammeData)[]) if (patch[key] === undefined) delete patch[key];
    this.check({ ...current, ...patch });
    return (await this.programmes.update(actor.organisationId, id, patch)) as Programme;
  }

  /** Rules across fields, which a DTO cannot express. */
  private check(programme: ProgrammeData): void {
    const weights = Object.values(programme.scoringWeights);
    if (weights.reduce((sum, w) => sum + w, 0) <= 0) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'invalid_weights');
    }
    const vigil = [programme.vigilWaveSize, programme.vigilWaveIntervalMinutes, programme.vigilEscalationMinutes, programme.maxVigilHours];
    if (programme.kind === 'vigil' && vigil.some((v) => v == null)) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'vigil_settings_required');
    }
  }
}
