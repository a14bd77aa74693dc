import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { FeedbackService, FollowUpsService } from '@app/feedback';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { CompleteFollowUpDto, FeedbackListDto, FeedbackMessageDto, FollowUpDto, FollowUpPageDto, ListFollowUpsQueryDto, SnoozeFollowUpDto } from '../dtos/feedback.dto';

@ApiTags('follow-ups')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Roles(Role.Coordinator)
  @Get()
  @Audited({ action: 'search', resourceType: 'follow_up', clients: (result) => (result as FollowUpPageDto).items.map((f) => f.clientId) })
  @ApiOperation({ summary: 'Follow-ups of running matches, earliest due first; overdue=true for the ones that are due already' })
  @ApiOkResponse({ type: FollowUpPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListFollowUpsQueryDto): Promise<FollowUpPageDto> {
    const overdue = query.overdue === true;
    const page = await this.followUps.list(principal, {
      ...query,
      statuses: overdue ? ['open'] : query.status,
      dueBefore: overdue && (!query.dueBefore || query.dueBefore > new Date()) ? new Date() : query.dueBefore,
    });
    return { ...page, items: page.items.map(FollowUpDto.from) };
  }

  @Roles(Role.Coordinator)
  @Post(':id/complete')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'follow_up', clients: 'follow_up' })
  @ApiOperation({ summary: 'Done, with its outcome and notes' })
  @ApiOkResponse({ type: FollowUpDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already done or cancelled' })
  async complete(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: CompleteFollowUpDto): Promise<FollowUpDto> {
    return FollowUpDto.from(await this.followUps.complete(principal, id, body.outcome, body.notes ?? null));
  }

  @Roles(Role.Coordinator)
  @Post(':id/snooze')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'follow_up', clients: 'follow_up' })
  @ApiOperation({ summary: 'Move the due moment later; the reminder comes again then' })
  @ApiOkResponse({ type: FollowUpDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already done or cancelled' })
  async snooze(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: SnoozeFollowUpDto): Promise<FollowUpDto> {
    return FollowUpDto.from(await this.followUps.snooze(principal, id, body.until));
  }
}

@ApiTags('feedback')
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Roles(Role.Coordinator, Role.Referrer)
  @Get('requests/:id/feedback')
  @Audited({ action: 'read', resourceType: 'feedback_message', clients: 'request', details: (params) => ({ requestId: params.id }) })
  @ApiOperation({ summary: 'Every message sent to the referrer about a request, with its delivery state, attempts and last error' })
  @ApiOkResponse({ type: FeedbackListDto })
  async list(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<FeedbackListDto> {
    return { items: (await this.feedback.listForRequest(principal, id)).map(FeedbackMessageDto.from) };
  }

  @Roles(Role.Coordinator)
  @Post('feedback/:id/retry')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'feedback_message', clients: 'feedback_message' })
  @ApiOperation({ summary: 'Send a failed message again (a new round of attempts)' })
  @ApiOkResponse({ type: FeedbackMessageDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The message has not failed' })
  async retry(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<FeedbackMessageDto> {
    return FeedbackMessageDto.from(await this.feedback.retry(principal, id));
  }
}
