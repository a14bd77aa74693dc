import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { MatchingService } from '@app/matching';
import { CandidateListDto, CandidatesQueryDto, MatchDto, ProposeMatchDto, VolunteerExplanationDto } from '../dtos/matching.dto';

@ApiTags('matching')
@Controller('requests/:id')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Roles(Role.Coordinator)
  @Get('candidates')
  @Audited({ action: 'read', resourceType: 'request', clients: 'request' })
  @ApiOperation({ summary: 'The best eligible volunteers for a request, scored and explained' })
  @ApiOkResponse({ type: CandidateListDto })
  candidates(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: CandidatesQueryDto): Promise<CandidateListDto> {
    return this.matching.rank(principal, id, query.limit, query.explain === 'excluded');
  }

  @Roles(Role.Coordinator)
  @Get('candidates/:volunteerId')
  @Audited({
    action: 'read',
    resourceType: 'request',
    clients: 'request',
    details: (params) => ({ volunteerId: params.volunteerId }),
  })
  @ApiOperation({ summary: 'Why one volunteer is or is not a candidate: every hard rule’s outcome, and the score when eligible (reads only)' })
  @ApiOkResponse({ type: VolunteerExplanationDto })
  explain(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('volunteerId', ParseUUIDPipe) volunteerId: string,
  ): Promise<VolunteerExplanationDto> {
    return this.matching.explain(principal, id, volunteerId);
  }

  @Roles(Role.Coordinator)
  @Post('matches')
  @Audited({ action: 'create', resourceType: 'match', resourceId: (_, r) => (r as MatchDto | undefined)?.id, clients: 'request' })
  @ApiOperation({ summary: 'Propose a volunteer: the rules are checked again and the request becomes proposed' })
  @ApiCreatedResponse({ type: MatchDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A hard rule fails (details.rule says which), or the request is not triaged' })
  async propose(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: ProposeMatchDto): Promise<MatchDto> {
    return MatchDto.from(await this.matching.propose(principal, id, body.volunteerId));
  }
}
