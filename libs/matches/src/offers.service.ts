import { Injectable } from '@nestjs/common';
import { haversineKm, NotFoundError, Page, Principal } from '@app/core';
import { MatchingService } from '@app/matching';
import { Client, Request, RequestRepository } from '@app/referrals';
import { EntityManager } from 'typeorm';
import { ClientPreview, clientPreview } from './client-view';
import { MatchRepository } from './match.repository';
import { ownVolunteerId } from './matches.service';
import { OfferStatus, VigilOffer } from './vigil-offer.entity';
import { VigilOfferRepository } from './vigil-offer.repository';
import { VigilAlert } from './vigil-alert.entity';
import { VigilAlertRepository } from './vigil-alert.repository';

export interface OfferView {
  id: string;
  requestId: string;
  clientId: string;
  status: OfferStatus;
  wave: number;
  sentAt: Date;
  closedAt: Date | null;
  matchId: string | null;
  /** Volunteers: the client as a preview (an accepted vigil shows the rest through its match). */
  client?: ClientPreview;
  /** Volunteers: at most this far from their home to where the vigil is (a band, see distanceBand). */
  distanceKm?: number;
  /** Coordinators: who got the offer, and how they scored. */
  volunteer?: { id: string; firstName: string; lastName: string };
  score?: number;
  declineReason?: string | null;
}

/** Vigil offers as volunteers answer them and coordinators follow them, and the alerts when nobody answers. */
/**
 * The distance an offer shows before it is accepted: the upper bound of a band, never the exact figure.
 * A volunteer may move their own home; exact distances from a few homes would locate a client whose
 * address stays hidden until someone accepts.
 */
const DISTANCE_BANDS_KM = [2, 5, 10, 20, 50];
export function distanceBand(km: number): number {
  return DISTANCE_BANDS_KM.find((band) => km <= band) ?? Math.ceil(km / 50) * 50;
}

@Injectable()
export class OffersService {
  constructor(
    private readonly offers: VigilOfferRepository,
    private readonly requests: RequestRepository,
    private readonly matches: MatchRepository,
    private readonly alertRepository: VigilAlertRepository,
    private readonly matching: MatchingService,
  ) {}

  async list(actor: Principal, filter: { statuses?: OfferStatus[]; requestId?: string; page: number; pageSize: number }): Promise<Page<OfferView>> {
    const [items, total] = await this.offers.list(actor.organisationId, {
      volunteerId: ownVolunteerId(actor),
      requestId: filter.requestId,
      statuses: filter.statuses,
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items: await this.views(actor, items), total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(actor: Principal, id: string): Promise<OfferView> {
    const offer = await this.offers.find(actor.organisationId, id, ownVolunteerId(actor));
    if (!offer) throw new NotFoundError('Offer', id);
    return (await this.views(actor, [offer]))[0];
  }

  async accept(actor: Principal, id: string): Promise<OfferView> {
    const recheck = (manager: EntityManager, requestId: string, volunteerId: string) => this.matching.assertStillEligible(manager, actor.organisationId, requestId, volunteerId);
    return this.get(actor, (await this.offers.accept(actor.organisationId, id, ownVolunteerId(actor) as string, recheck)).id);
  }

  async decline(actor: Principal, id: string, reason: string | null): Promise<OfferView> {
    return this.get(actor, (await this.offers.decline(actor.organisationId, id, ownVolunteerId(actor) as string, reason)).id);
  }

  async alerts(actor: Principal, filter: { open?: boolean; page: number; pageSize: number }): Promise<Page<VigilAlert>> {
    const [items, total] = await this.alertRepository.list(actor.organisationId, { open: filter.open, skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async resolveAlert(actor: Principal, id: string): Promise<VigilAlert> {
    return this.alertRepository.resolve(actor.organisationId, id, actor.userId);
  }

  private async views(actor: Principal, offers: VigilOffer[]): Promise<OfferView[]> {
    const base = (o: VigilOffer) => ({ id: o.id, requestId: o.requestId, clientId: o.clientId, status: o.status, wave: o.wave, sentAt: o.sentAt, closedAt: o.closedAt, matchId: o.matchId });
    if (actor.role === 'volunteer') {
      const [requests, home] = await Promise.all([this.requests.findMany(actor.organisationId, offers.map((o) => o.requestId)), this.matches.volunteerLocation(actor.organisationId, ownVolunteerId(actor) as string)]);
      return offers.map((o) => {
        const request = requests.get(o.requestId) as Request;
        const distanceKm = home ? distanceBand(haversineKm(home, request)) : undefined;
        return { ...base(o), client: clientPreview(request, request.client as Client), distanceKm };
      });
    }
    const names = await this.matches.volunteerNames(offers.map((o) => o.volunteerId));
    return offers.map((o) => ({ ...base(o), volunteer: { id: o.volunteerId, ...(names.get(o.volunteerId) as { firstName: string; lastName: string }) }, score: o.score, declineReason: o.declineReason }));
  }
}
