import { Module } from '@nestjs/common';
import { OutboxModule } from '@app/outbox';
import { I18nModule } from '@app/i18n';
import { NotificationsModule } from '@app/notifications';
import { MatchingModule } from '@app/matching';
import { ReferralsModule } from '@app/referrals';
import { CalendarService } from './calendar.service';
import { MatchRepository } from './match.repository';
import { MatchesService } from './matches.service';
import { OffersService } from './offers.service';
import { VigilAlertRepository } from './vigil-alert.repository';
import { VigilEscalateHandler, VigilAlertedHandler, VigilFinishHandler, VigilTakenHandler } from './vigil.handlers';
import { VigilOfferRepository } from './vigil-offer.repository';
import { VisitRepository } from './visit.repository';
import { VisitsService } from './visits.service';

/** Matches, visits, vigil offers and alerts, the volunteer's calendar, and the handlers of their events (accepts re-check the matcher's rules). */
@Module({
  imports: [I18nModule, ReferralsModule, OutboxModule, NotificationsModule, MatchingModule],
  providers: [
    MatchRepository,
    VisitRepository,
    VigilOfferRepository,
    VigilAlertRepository,
    MatchesService,
    VisitsService,
    OffersService,
    CalendarService,
    VigilEscalateHandler,
    VigilAlertedHandler,
    VigilFinishHandler,
    VigilTakenHandler,
  ],
  exports: [MatchesService, VisitsService, OffersService, CalendarService],
})
export class MatchesModule {}
