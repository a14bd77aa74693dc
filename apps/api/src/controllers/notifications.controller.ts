import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AppConfig, ErrorResponseDto, PageQueryDto, Principal } from '@app/core';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { InboxService, NotificationStream, PreferencesService } from '@app/notifications';
import { InboxItemDto, InboxPageDto, PreferencesDto, ReadAllDto, UnreadCountDto, UpdatePreferencesDto } from '../dtos/notification.dto';

const EVERYONE = [Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer] as const;

/**
 * The caller's own inbox and notification preferences. Items name a client by first name and
 * place at most and carry no client ids, so reading them is not audited as client data; the offer,
 * match or request they link to is, when opened.
 */
@ApiTags('notifications')
@Controller('me')
export class NotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly stream: NotificationStream,
    private readonly preferences: PreferencesService,
    private readonly config: AppConfig,
  ) {}

  @Roles(...EVERYONE)
  @Get('notifications')
  @ApiOperation({ summary: 'Your notifications, unread first, then newest, in your language' })
  @ApiOkResponse({ type: InboxPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<InboxPageDto> {
    const page = await this.inbox.list(principal, query.page, query.pageSize);
    return { ...page, items: page.items.map(InboxItemDto.from) };
  }

  @Roles(...EVERYONE)
  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many of your notifications are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountDto> {
    return this.inbox.unreadCount(principal);
  }

  @Roles(...EVERYONE)
  @Get('notifications/stream')
  @ApiOperation({
    summary: 'Your new notifications as they arrive (Server-Sent Events)',
    description: 'Each new notification is an event `notification` whose data is an inbox item (JSON); a comment line `: heartbeat` comes every NOTIFICATION_STREAM_HEARTBEAT_MS.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  openStream(@CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): void {
    reply.hijack(); // the stream is written by hand; Fastify lets go of this response
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      pragma: 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx: pass events through at once
    });
    raw.write(': connected\n\n');
    // The stream lives as long as the session that opened it: it ends when the access token expires
    // (the client reconnects with a fresh one), and at the next heartbeat after the user is deactivated.
    const expiry = setTimeout(() => raw.end(), Math.max(0, (principal.accessExpiresAt ?? Date.now()) - Date.now()));
    const heartbeat = setInterval(() => {
      void this.inbox.stillActive(principal).then((active) => (active ? raw.write(': heartbeat\n\n') : raw.end()));
    }, this.config.notifications.streamHeartbeatMs);
    const unsubscribe = this.stream.subscribe(principal.userId, {
      organisationId: principal.organisationId,
      send: (item) => raw.write(`id: ${item.id}\nevent: notification\ndata: ${JSON.stringify(InboxItemDto.from(item))}\n\n`),
      close: () => raw.end(),
    });
    raw.on('close', () => {
      clearTimeout(expiry);
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  @Roles(...EVERYONE)
  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: ReadAllDto })
  readAll(@CurrentPrincipal() principal: Principal): Promise<ReadAllDto> {
    return this.inbox.readAll(principal);
  }

  @Roles(...EVERYONE)
  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiOkResponse({ type: InboxItemDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not yours, or no such notification' })
  async read(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<InboxItemDto> {
    return InboxItemDto.from(await this.inbox.read(principal, id));
  }

  @Roles(...EVERYONE)
  @Get('notification-preferences')
  @ApiOperation({ summary: 'Which channels bring you which notifications, your quiet hours and digest time' })
  @ApiOkResponse({ type: PreferencesDto })
  async getPreferences(@CurrentPrincipal() principal: Principal): Promise<PreferencesDto> {
    return PreferencesDto.from(await this.preferences.get(principal));
  }

  @Roles(...EVERYONE)
  @Put('notification-preferences')
  @ApiOperation({ summary: 'Change your notification preferences (kinds not named keep their choice)' })
  @ApiOkResponse({ type: PreferencesDto })
  async updatePreferences(@CurrentPrincipal() principal: Principal, @Body() body: UpdatePreferencesDto): Promise<PreferencesDto> {
    return PreferencesDto.from(await this.preferences.update(principal, body));
  }
}
