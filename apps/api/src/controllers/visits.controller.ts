import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { VisitsService } from '@app/matches';
import { CompleteVisitDto, VisitDto, VisitReasonDto } from '../dtos/match.dto';

@ApiTags('matches')
@Controller('visits/:id')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Roles(Role.Volunteer)
  @Post('confirm')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'visit', clients: 'visit' })
  @ApiOperation({ summary: 'The volunteer confirms a planned visit' })
  @ApiOkResponse({ type: VisitDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not planned (any more)' })
  async confirm(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<VisitDto> {
    return VisitDto.from(await this.visits.act(principal, id, 'confirm'));
  }

  @Roles(Role.Volunteer)
  @Post('decline')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'visit', clients: 'visit' })
  @ApiOperation({ summary: 'The volunteer declines a planned visit' })
  @ApiOkResponse({ type: VisitDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not planned (any more)' })
  async decline(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: VisitReasonDto): Promise<VisitDto> {
    return VisitDto.from(await this.visits.act(principal, id, 'decline', body.reason));
  }

  @Roles(Role.Coordinator, Role.Volunteer)
  @Post('complete')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'visit', clients: 'visit' })
  @ApiOperation({ summary: 'The visit took place: done, with a short note' })
  @ApiOkResponse({ type: VisitDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Declined or cancelled, or already done' })
  async complete(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: CompleteVisitDto): Promise<VisitDto> {
    return VisitDto.from(await this.visits.act(principal, id, 'complete', body.note));
  }

  @Roles(Role.Coordinator, Role.Volunteer)
  @Post('cancel')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'visit', clients: 'visit' })
  @ApiOperation({ summary: 'Cancel a planned or confirmed visit' })
  @ApiOkResponse({ type: VisitDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already done, declined or cancelled' })
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: VisitReasonDto): Promise<VisitDto> {
    return VisitDto.from(await this.visits.act(principal, id, 'cancel', body.reason));
  }
}
