import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { MatchingService } from '@app/matching';
import { AssignDto, AssignOutcomeDto } from '../dtos/matching.dto';

@ApiTags('matching')
@Controller('matching')
export class AssignmentController {
  constructor(private readonly matching: MatchingService) {}

  @Roles(Role.Coordinator)
  @Post('assign')
  @HttpCode(200)
  @Audited({
    action: 'search',
    resourceType: 'request',
    resourceId: () => undefined,
    clients: (r) => (r as AssignOutcomeDto).proposals.map((p) => p.clientId),
    details: (_, r) => ({ dryRun: (r as AssignOutcomeDto).dryRun }),
  })
  @ApiOperation({ summary: 'Proposals for all triaged requests (or those named) except vigils, which go to their offer waves: the optimal assignment under every volunteer’s capacity' })
  @ApiOkResponse({ type: AssignOutcomeDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A request changed status while proposals were being stored; nothing was stored' })
  assign(@CurrentPrincipal() principal: Principal, @Body() body: AssignDto): Promise<AssignOutcomeDto> {
    return this.matching.assign(principal, body);
  }
}
