import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { OffersService } from '@app/matches';
import { DeclineOfferDto, ListOffersQueryDto, ListVigilAlertsQueryDto, OfferDto, OfferPageDto, VigilAlertDto, VigilAlertPageDto } from '../dtos/match.dto';

@ApiTags('vigil')
@Controller('offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Roles(Role.Volunteer, Role.Coordinator)
  @Get()
  @Audited({ action: 'search', resourceType: 'vigil_offer', clients: (result) => (result as OfferPageDto).items.map((o) => o.clientId) })
  @ApiOperation({ summary: "Vigil offers: a volunteer's own (filter status=sent for the open ones), or the organisation's for a coordinator" })
  @ApiOkResponse({ type: OfferPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListOffersQueryDto): Promise<OfferPageDto> {
    return this.offers.list(principal, { ...query, statuses: query.status });
  }

  @Roles(Role.Volunteer, Role.Coordinator)
  @Get(':id')
  @Audited({ action: 'read', resourceType: 'vigil_offer', clients: 'vigil_offer' })
  @ApiOperation({ summary: "One vigil offer (a volunteer's own): what the notification links to, open or closed" })
  @ApiOkResponse({ type: OfferDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferDto> {
    return this.offers.get(principal, id);
  }

  @Roles(Role.Volunteer)
  @Post(':id/accept')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'vigil_offer', clients: 'vigil_offer' })
  @ApiOperation({ summary: 'Take the vigil: the first to accept gets it, with a confirmed visit for the window; the other offers are withdrawn' })
  @ApiOkResponse({ type: OfferDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Someone else was first (offer_taken), the vigil is over, or you already have a visit at that time' })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferDto> {
    return this.offers.accept(principal, id);
  }

  @Roles(Role.Volunteer)
  @Post(':id/decline')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'vigil_offer', clients: 'vigil_offer' })
  @ApiOperation({ summary: 'Say no to a vigil offer' })
  @ApiOkResponse({ type: OfferDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already closed or accepted' })
  decline(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: DeclineOfferDto): Promise<OfferDto> {
    return this.offers.decline(principal, id, body.reason ?? null);
  }
}

@ApiTags('vigil')
@Controller('vigil-alerts')
export class VigilAlertsController {
  constructor(private readonly offers: OffersService) {}

  @Roles(Role.Coordinator)
  @Get()
  @Audited({ action: 'search', resourceType: 'vigil_alert', clients: (result) => (result as VigilAlertPageDto).items.map((a) => a.clientId) })
  @ApiOperation({ summary: 'Vigils nobody accepted before the escalation deadline, newest first' })
  @ApiOkResponse({ type: VigilAlertPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListVigilAlertsQueryDto): Promise<VigilAlertPageDto> {
    const page = await this.offers.alerts(principal, query);
    return { ...page, items: page.items.map(VigilAlertDto.from) };
  }

  @Roles(Role.Coordinator)
  @Post(':id/resolve')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'vigil_alert', clients: 'vigil_alert' })
  @ApiOperation({ summary: 'Mark an alert as dealt with' })
  @ApiOkResponse({ type: VigilAlertDto })
  async resolve(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<VigilAlertDto> {
    return VigilAlertDto.from(await this.offers.resolveAlert(principal, id));
  }
}
