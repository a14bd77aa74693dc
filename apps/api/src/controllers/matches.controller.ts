import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { MatchesService, VisitsService } from '@app/matches';
import { DeclineMatchDto, EndMatchDto, ListMatchesQueryDto, MatchViewDto, MatchViewPageDto, PlanVisitDto, VisitDto, VisitPageDto, WithdrawMatchDto } from '../dtos/match.dto';


@ApiTags('matches')
@Controller('matches')
export class MatchesController {
  constructor(
    private readonly matches: MatchesService,
    private readonly visits: VisitsService,
  ) {}

  @Roles(Role.Coordinator, Role.Volunteer)
  @Get()
  @Audited({ action: 'search', resourceType: 'match', clients: (result) => (result as MatchViewPageDto).items.map((m) => m.clientId) })
  @ApiOperation({ summary: "Matches: a volunteer's own (proposals to answer, active, past), or the organisation's for a coordinator" })
  @ApiOkResponse({ type: MatchViewPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListMatchesQueryDto): Promise<MatchViewPageDto> {
    return this.matches.list(principal, { ...query, statuses: query.status });
  }

  @Roles(Role.Coordinator, Role.Volunteer)
  @Get(':id')
  @Audited({ action: 'read', resourceType: 'match', clients: 'match' })
  @ApiOperation({ summary: 'One match' })
  @ApiOkResponse({ type: MatchViewDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<MatchViewDto> {
    return this.matches.get(principal, id);
  }

  @Roles(Role.Volunteer)
  @Post(':id/accept')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'match', clients: 'match' })
  @ApiOperation({ summary: 'Accept a proposal: the match starts, the request is matched, and the client\'s address and phone become visible' })
  @ApiOkResponse({ type: MatchViewDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'No longer open (withdrawn, declined), or the volunteer is at their maximum number of clients' })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<MatchViewDto> {
    return this.matches.accept(principal, id);
  }

  @Roles(Role.Volunteer)
  @Post(':id/decline')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'match', clients: 'match' })
  @ApiOperation({ summary: 'Decline a proposal; the volunteer is not proposed for this client again' })
  @ApiOkResponse({ type: MatchViewDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'No longer open' })
  decline(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: DeclineMatchDto): Promise<MatchViewDto> {
    return this.matches.decline(principal, id, body.reason, body.note ?? null);
  }

  @Roles(Role.Coordinator)
  @Post(':id/withdraw')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'match', clients: 'match' })
  @ApiOperation({ summary: 'Withdraw a proposal before the volunteer answers' })
  @ApiOkResponse({ type: MatchViewDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already answered' })
  withdraw(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawMatchDto): Promise<MatchViewDto> {
    return this.matches.withdraw(principal, id, body.note ?? null);
  }

  @Roles(Role.Coordinator)
  @Post(':id/end')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'match', clients: 'match' })
  @ApiOperation({ summary: 'End an active match: future visits are cancelled and the request closes with the reason' })
  @ApiOkResponse({ type: MatchViewDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The match is not active' })
  end(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: EndMatchDto): Promise<MatchViewDto> {
    return this.matches.end(principal, id, body.reason, body.note ?? null);
  }

  @Roles(Role.Coordinator, Role.Volunteer)
  @Get(':id/visits')
  @Audited({ action: 'search', resourceType: 'visit', clients: 'match', details: (params) => ({ matchId: params.id }) })
  @ApiOperation({ summary: 'The visits of a match, earliest first' })
  @ApiOkResponse({ type: VisitPageDto })
  async listVisits(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<VisitPageDto> {
    const page = await this.visits.listForMatch(principal, id, query);
    return { ...page, items: page.items.map(VisitDto.from) };
  }

  @Roles(Role.Coordinator, Role.Volunteer)
  @Post(':id/visits')
  @Audited({ action: 'create', resourceType: 'visit', clients: 'match' })
  @ApiOperation({ summary: 'Plan a visit: planned (for the volunteer to confirm) when a coordinator plans it, confirmed when the volunteer does' })
  @ApiCreatedResponse({ type: VisitDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Starts in the past (visit_in_past: record it instead), or longer than 24 hours' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The volunteer already has a visit at that time, or the match is not active' })
  async planVisit(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: PlanVisitDto): Promise<VisitDto> {
    return VisitDto.from(await this.visits.plan(principal, id, body));
  }

  @Roles(Role.Coordinator, Role.Volunteer)
  @Post(':id/visits/record')
  @Audited({ action: 'create', resourceType: 'visit', clients: 'match' })
  @ApiOperation({ summary: 'Record a visit that already took place: done at once, within the active match, not before it started' })
  @ApiCreatedResponse({ type: VisitDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Not over yet (visit_not_over), before the match started (visit_before_match), or longer than 24 hours' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The volunteer already has a visit at that time, or the match is not active' })
  async recordVisit(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: PlanVisitDto): Promise<VisitDto> {
    return VisitDto.from(await this.visits.record(principal, id, body));
  }
}
