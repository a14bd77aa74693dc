import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { RequestsService } from '@app/referrals';
import { ReasonDto } from '../dtos/common.dto';
import { InfoAnswerDto, InfoExchangeDto, InfoExchangeListDto, ListRequestsQueryDto, RequestDto, RequestPageDto, SubmitRequestDto, TriageDto, UpdateRequestDto } from '../dtos/request.dto';


@ApiTags('requests')
@Controller('requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Roles(Role.Coordinator, Role.Referrer)
  @Get()
  @Audited({
    action: 'search',
    resourceType: 'request',
    clients: (result) => (result as RequestPageDto).items.map((r) => r.client.id),
  })
  @ApiOperation({ summary: "Requests: a coordinator sees the organisation's, a referrer their own source's" })
  @ApiOkResponse({ type: RequestPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListRequestsQueryDto): Promise<RequestPageDto> {
    const page = await this.requests.list(principal, { ...query, statuses: query.status });
    return { ...page, items: page.items.map((r) => RequestDto.from(r, principal.role === Role.Referrer)) };
  }

  @Roles(Role.Coordinator, Role.Referrer)
  @Get(':id')
  @Audited({ action: 'read', resourceType: 'request', clients: 'request' })
  @ApiOperation({ summary: 'One request with its client' })
  @ApiOkResponse({ type: RequestDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<RequestDto> {
    return RequestDto.from(await this.requests.get(principal, id), principal.role === Role.Referrer);
  }

  @Roles(Role.Coordinator, Role.Referrer)
  @Post()
  @Audited({ action: 'create', resourceType: 'request', clients: (result) => (result as RequestDto).client.id })
  @ApiOperation({ summary: 'Submit a request, with a new client or a known one, in one call' })
  @ApiCreatedResponse({ type: RequestDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Address not found, programme closed, missing slots or vigil window, …' })
  async submit(@CurrentPrincipal() principal: Principal, @Body() body: SubmitRequestDto): Promise<RequestDto> {
    return RequestDto.from(await this.requests.submit(principal, body), principal.role === Role.Referrer);
  }

  @Roles(Role.Coordinator, Role.Referrer)
  @Patch(':id')
  @Audited({ action: 'update', resourceType: 'request', clients: 'request' })
  @ApiOperation({ summary: 'Change a request (referrers: while it waits for triage; it then goes back to submitted if more information was asked)' })
  @ApiOkResponse({ type: RequestDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateRequestDto): Promise<RequestDto> {
    return RequestDto.from(await this.requests.update(principal, id, body), principal.role === Role.Referrer);
  }

  @Roles(Role.Coordinator)
  @Post(':id/triage')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'request', clients: 'request' })
  @ApiOperation({ summary: "Accept (checks the programme's inclusion rules), ask for more information, or reject" })
  @ApiOkResponse({ type: RequestDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not allowed from the current status' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'An inclusion rule fails (the reason says which), or a reason is missing' })
  async triage(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: TriageDto): Promise<RequestDto> {
    return RequestDto.from(await this.requests.triage(principal, id, body.decision, body.reason), false);
  }

  @Roles(Role.Coordinator, Role.Referrer)
  @Post(':id/info')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'request', clients: 'request' })
  @ApiOperation({ summary: "Answer the question asked at triage, optionally with changes: the request goes back to submitted and the coordinators are told" })
  @ApiOkResponse({ type: RequestDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The request does not wait for information (illegal_transition)' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'The changes are refused as a PATCH would refuse them' })
  async answerInfo(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: InfoAnswerDto): Promise<RequestDto> {
    return RequestDto.from(await this.requests.answerInfo(principal, id, body.answer, body.changes), principal.role === Role.Referrer);
  }

  @Roles(Role.Coordinator, Role.Referrer)
  @Get(':id/info')
  @Audited({ action: 'read', resourceType: 'request', clients: 'request' })
  @ApiOperation({ summary: 'The questions asked at triage and the answers, oldest first' })
  @ApiOkResponse({ type: InfoExchangeListDto })
  async infoExchanges(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<InfoExchangeListDto> {
    return { items: (await this.requests.infoExchanges(principal, id)).map(InfoExchangeDto.from) };
  }

  @Roles(Role.Coordinator, Role.Referrer)
  @Post(':id/cancel')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'request', clients: 'request' })
  @ApiOperation({ summary: 'Cancel an open request' })
  @ApiOkResponse({ type: RequestDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The request is already final' })
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<RequestDto> {
    return RequestDto.from(await this.requests.cancel(principal, id, body.reason), principal.role === Role.Referrer);
  }

  @Roles(Role.Coordinator)
  @Post(':id/close')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'request', clients: 'request' })
  @ApiOperation({ summary: 'Close a matched request' })
  @ApiOkResponse({ type: RequestDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Only matched requests can be closed' })
  async close(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<RequestDto> {
    return RequestDto.from(await this.requests.close(principal, id, body.reason), false);
  }
}
