import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest, NotFoundError } from '@app/core';
import { AuditService } from '@app/audit';
import { Public } from '@app/identity';
import { CalendarService } from '@app/matches';

/** A token of `POST /api/me/calendar-feed` (32 random bytes, base64url) followed by `.ics`. */
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

@ApiTags('matches')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
  ) {}

  // Public: calendar apps cannot send a bearer token. The secret address is the credential.
  @Public()
  @Get(':file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  @ApiOperation({ summary: "A volunteer's upcoming visits as iCalendar (RFC 5545), at the secret address from POST /api/me/calendar-feed" })
  @ApiOkResponse({ description: 'VCALENDAR with one VEVENT per planned or confirmed visit in the next 180 days', content: { 'text/calendar': { schema: { type: 'string' } } } })
  async feed(@Param('file') file: string, @Req() request: AuthenticatedRequest): Promise<string> {
    const token = FEED_FILE.exec(file)?.[1];
    if (!token) throw new NotFoundError('Calendar');
    const feed = await this.calendar.feed(token);
    await this.audit.record(
      { action: 'read', resourceType: 'calendar_feed', resourceId: feed.volunteerId, organisationId: feed.organisationId, outcome: 'success', details: { clientIds: feed.clientIds } },
      request,
    );
    return feed.ics;
  }
}
