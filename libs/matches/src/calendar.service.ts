import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import { AppConfig, NotFoundError, Principal } from '@app/core';
import { DataSource } from 'typeorm';
import { CalendarFeed } from './calendar-feed.entity';
import { ownVolunteerId } from './matches.service';

/** The feed looks this far ahead. */
const FEED_DAYS = 180;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CalendarFeedAddress {
  url: string;
}

/**
 * A volunteer's upcoming visits as an iCalendar feed at a secret address, for their phone's calendar.
 * The address is the only credential, so only its SHA-256 is stored and a new one replaces the old.
 * The feed carries the client's first name and city only: calendars sync to outside servers.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async createAddress(actor: Principal): Promise<CalendarFeedAddress> {
    const volunteerId = ownVolunteerId(actor) as string;
    const token = randomBytes(32).toString('base64url');
    await this.dataSource
      .getRepository(CalendarFeed)
      .upsert({ volunteerId, organisationId: actor.organisationId, tokenHash: hash(token), createdAt: new Date() }, ['volunteerId']);
    return { url: `${this.config.http.publicUrl}/api/calendar/${token}.ics` };
  }

  async revoke(actor: Principal): Promise<void> {
    await this.dataSource.getRepository(CalendarFeed).delete({ volunteerId: ownVolunteerId(actor) as string });
  }

  /** The feed for a token, and whose it is (for the audit log). Unknown tokens are 404. */
  async feed(token: string): Promise<{ ics: string; volunteerId: string; organisationId: string; clientIds: string[] }> {
    const feed = await this.dataSource.getRepository(CalendarFeed).findOne({ where: { tokenHash: hash(token) } });
    if (!feed) throw new NotFoundError('Calendar');
    const visits: Array<{ id: string; starts_at: Date; ends_at: Date; status: string; client_id: string; first_name: string; city: string | null; kind: string; updated_at: Date }> =
      await this.dataSource.query(
        `SELECT v.id, v.starts_at, v.ends_at, v.status, v.client_id, v.updated_at, c.first_name, coalesce(r.city, c.city) AS city, r.kind
           FROM visit v JOIN match m ON m.id = v.match_id JOIN request r ON r.id = m.request_id JOIN client c ON c.id = v.client_id
          WHERE v.volunteer_id = $1 AND v.organisation_id = $2 AND v.status IN ('planned', 'confirmed')
            AND v.ends_at > now() AND v.starts_at < now() + make_interval(days => $3)
          ORDER BY v.starts_at`,
        [feed.volunteerId, feed.organisationId, FEED_DAYS],
      );
    const calendar = ical({ name: 'Visits', prodId: { company: 'volunteer-match', product: 'visits', language: 'EN' }, ttl: 3600 });
    for (const visit of visits) {
      calendar.createEvent({
        id: `${visit.id}@volunteer-match`,
        start: visit.starts_at,
        end: visit.ends_at,
        stamp: visit.updated_at,
        summary: `${visit.kind === 'vigil' ? 'Vigil' : 'Visit'}: ${visit.first_name}`,
        location: visit.city ?? undefined,
        status: visit.status === 'confirmed' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      });
    }
    // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one bare.
    const ics = calendar.toString().replace(/(\r\n)?$/, '\r\n');
    return { ics, volunteerId: feed.volunteerId, organisationId: feed.organisationId, clientIds: [...new Set(visits.map((v) => v.client_id))] };
  }
}
