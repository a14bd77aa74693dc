import { Body, Controller, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationSecurityDto } from '../dtos/account.dto';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, OrganisationsService, Role, Roles } from '@app/identity';
import { CreatedOrganisationDto, CreateOrganisationDto, OrganisationDto } from '../dtos/organisation.dto';
import { UserDto } from '../dtos/user.dto';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Roles(Role.Admin)
  @Post()
  @Audited({ action: 'create', resourceType: 'organisation', resourceId: (_, r) => (r as CreatedOrganisationDto | undefined)?.organisation.id })
  @ApiOperation({ summary: 'Create an organisation with its first admin (admins of the hosting organisation only)' })
  @ApiCreatedResponse({ type: CreatedOrganisationDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: "Invalid input, or an admin password the policy refuses (details name admin.password)" })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganisationDto): Promise<CreatedOrganisationDto> {
    const { organisation, admin } = await this.organisations.create(principal, body);
    return { organisation: OrganisationDto.from(organisation), admin: UserDto.from(admin) };
  }

  @Roles(Role.Admin)
  @Patch('current/security')
  @Audited({ action: 'update', resourceType: 'organisation' })
  @ApiOperation({ summary: "Your organisation's security settings: the roles that must log in with a second factor" })
  @ApiOkResponse({ type: OrganisationDto })
  async updateSecurity(@CurrentPrincipal() principal: Principal, @Body() body: OrganisationSecurityDto): Promise<OrganisationDto> {
    return OrganisationDto.from(await this.organisations.updateSecurity(principal, body));
  }
}
