import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiGoneResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest, ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, InvitationsService, Public, Role, Roles } from '@app/identity';
import { AcceptInvitationDto, InviteDto } from '../dtos/account.dto';
import { UserDto } from '../dtos/user.dto';

@ApiTags('users')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Roles(Role.Admin, Role.Coordinator)
  @Post()
  @Audited({ action: 'create', resourceType: 'invitation' })
  @ApiOperation({ summary: 'Invite a person by email: the account is made without a password, the emailed link (7 days, once) sets one. Again for the same address: a new link' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'A coordinator inviting an admin or coordinator' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'email_taken: the address has an account here already' })
  async invite(@CurrentPrincipal() principal: Principal, @Body() body: InviteDto): Promise<UserDto> {
    return UserDto.from(await this.invitations.invite(principal, body));
  }

  @Public()
  @Post('accept')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set your password with the link of an invitation; then log in' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'invalid_token, or a password the policy refuses' })
  @ApiGoneResponse({ type: ErrorResponseDto, description: 'token_used, token_expired: ask for a new invitation' })
  async accept(@Body() body: AcceptInvitationDto, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.invitations.accept(body.token, body.password, request);
  }
}
