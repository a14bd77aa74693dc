import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { AuthService, CurrentPrincipal, OrganisationsService, Role, Roles, TwoFactorService, UsersService } from '@app/identity';
import { ChangePasswordDto, DisableTotpDto, PasswordProofDto, RecoveryCodesDto, TotpCodeDto, TotpEnrolmentDto } from '../dtos/account.dto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiSessionHeader, BrowserSessions } from '../browser-session';
import { TokenPairDto } from '../dtos/auth.dto';
import { CalendarService, VisitsService } from '@app/matches';
import { CalendarAddressDto, ListOwnVisitsQueryDto, VisitDto, VisitPageDto } from '../dtos/match.dto';
import { MeDto, OrganisationDto } from '../dtos/organisation.dto';
import { UpdateMeDto, UserDto } from '../dtos/user.dto';

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly visits: VisitsService,
    private readonly calendar: CalendarService,
    private readonly auth: AuthService,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: BrowserSessions,
  ) {}

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Post('password')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'password', resourceId: () => undefined })
  @ApiOperation({ summary: 'Change your password; every other login of yours ends, this one goes on with the new pair returned' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'wrong_password (counted like a login attempt: 429 after too many)' })
  @ApiSessionHeader()
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    return this.sessions.deliver(request, reply, await this.auth.changePassword(principal, body.currentPassword, body.newPassword));
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Post('totp')
  @Audited({ action: 'create', resourceType: 'totp', resourceId: () => undefined })
  @ApiOperation({ summary: 'Start two-factor login: a new authenticator secret, shown once; on after /api/me/totp/confirm' })
  @ApiCreatedResponse({ type: TotpEnrolmentDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'totp_enabled: switch it off first' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'wrong_password (counted like a login attempt)' })
  enrolTotp(@CurrentPrincipal() principal: Principal, @Body() body: PasswordProofDto): Promise<TotpEnrolmentDto> {
    return this.twoFactor.enrol(principal.userId, body.password);
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Post('totp/confirm')
  @HttpCode(200)
  @Audited({ action: 'update', resourceType: 'totp', resourceId: () => undefined, details: () => ({ enabled: true }) })
  @ApiOperation({ summary: 'The first code of the app switches two-factor login on; answers the ten recovery codes, shown once' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'invalid_code' })
  async confirmTotp(@CurrentPrincipal() principal: Principal, @Body() body: TotpCodeDto): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.twoFactor.confirm(principal.userId, body.code) };
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Delete('totp')
  @HttpCode(204)
  @Audited({ action: 'delete', resourceType: 'totp', resourceId: () => undefined })
  @ApiOperation({ summary: 'Switch two-factor login off, with a current code or your password' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'invalid_code, wrong_password' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'two_factor_required by the organisation for your role; totp_not_enabled' })
  async disableTotp(@CurrentPrincipal() principal: Principal, @Body() body: DisableTotpDto): Promise<void> {
    await this.twoFactor.disable(principal, body);
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Get()
  @ApiOperation({ summary: 'The signed-in user and their organisation' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    const [user, organisation] = await Promise.all([this.users.get(principal, principal.userId), this.organisations.get(principal)]);
    return { user: UserDto.from(user), organisation: OrganisationDto.from(organisation) };
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Patch()
  @ApiOperation({ summary: 'Change your own name, phone (for text messages) or the language messages reach you in' })
  @ApiOkResponse({ type: UserDto })
  async updateMe(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMeDto): Promise<UserDto> {
    return UserDto.from(await this.users.updateSelf(principal, body));
  }

  @Roles(Role.Volunteer)
  @Get('visits')
  @Audited({ action: 'search', resourceType: 'visit', clients: (result) => (result as VisitPageDto).items.map((v) => v.clientId) })
  @ApiOperation({ summary: "The volunteer's own visits from now on (or from `from`), earliest first" })
  @ApiOkResponse({ type: VisitPageDto })
  async myVisits(@CurrentPrincipal() principal: Principal, @Query() query: ListOwnVisitsQueryDto): Promise<VisitPageDto> {
    const page = await this.visits.listOwn(principal, { ...query, statuses: query.status });
    return { ...page, items: page.items.map(VisitDto.from) };
  }

  @Roles(Role.Volunteer)
  @Post('calendar-feed')
  @ApiOperation({ summary: 'A new secret calendar address for your phone (the previous one stops working)' })
  @ApiCreatedResponse({ type: CalendarAddressDto })
  createCalendarFeed(@CurrentPrincipal() principal: Principal): Promise<CalendarAddressDto> {
    return this.calendar.createAddress(principal);
  }

  @Roles(Role.Volunteer)
  @Delete('calendar-feed')
  @HttpCode(204)
  @ApiOperation({ summary: 'Switch the calendar address off' })
  @ApiNoContentResponse()
  async revokeCalendarFeed(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.calendar.revoke(principal);
  }
}
