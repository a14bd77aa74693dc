import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { ReferralSourcesService } from '@app/referrals';
import { CreateReferralSourceDto, ListReferralSourcesQueryDto, ReferralSourceDto, ReferralSourcePageDto, UpdateReferralSourceDto } from '../dtos/referral-source.dto';

@ApiTags('referral sources')
@Controller('referral-sources')
export class ReferralSourcesController {
  constructor(private readonly sources: ReferralSourcesService) {}

  @Roles(Role.Admin, Role.Coordinator)
  @Get()
  @ApiOperation({ summary: 'Referral sources of the organisation' })
  @ApiOkResponse({ type: ReferralSourcePageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListReferralSourcesQueryDto): Promise<ReferralSourcePageDto> {
    const page = await this.sources.list(principal, query);
    return { ...page, items: page.items.map(ReferralSourceDto.from) };
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer)
  @Get(':id')
  @ApiOperation({ summary: 'One referral source (a referrer: only their own)' })
  @ApiOkResponse({ type: ReferralSourceDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ReferralSourceDto> {
    return ReferralSourceDto.from(await this.sources.get(principal, id, principal.referralSourceId));
  }

  @Roles(Role.Admin, Role.Coordinator)
  @Post()
  @Audited({ action: 'create', resourceType: 'referral_source' })
  @ApiOperation({ summary: 'Add a referral source' })
  @ApiCreatedResponse({ type: ReferralSourceDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'The feedback channel is incomplete' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateReferralSourceDto): Promise<ReferralSourceDto> {
    return ReferralSourceDto.from(await this.sources.create(principal, body));
  }

  @Roles(Role.Admin, Role.Coordinator)
  @Patch(':id')
  @Audited({ action: 'update', resourceType: 'referral_source' })
  @ApiOperation({ summary: 'Change a referral source; a webhook secret left out stays as it is' })
  @ApiOkResponse({ type: ReferralSourceDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateReferralSourceDto): Promise<ReferralSourceDto> {
    return ReferralSourceDto.from(await this.sources.update(principal, id, body));
  }
}
