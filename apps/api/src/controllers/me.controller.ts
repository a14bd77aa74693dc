import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/core';
import { CurrentPrincipal, OrganisationsService, Role, Roles, UsersService } from '@app/identity';
import { MeDto, OrganisationDto } from '../dtos/organisation.dto';
import { UserDto } from '../dtos/user.dto';

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Get()
  @ApiOperation({ summary: 'The signed-in user and their organisation' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    const [user, organisation] = await Promise.all([this.users.get(principal, principal.userId), this.organisations.get(principal)]);
    return { user: UserDto.from(user), organisation: OrganisationDto.from(organisation) };
  }
}
