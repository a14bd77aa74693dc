import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, OrganisationsService, Role, Roles, UsersService } from '@app/identity';
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
  ) {}

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
  @ApiOperation({ summary: 'Change your own name or the language messages reach you in' })
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
