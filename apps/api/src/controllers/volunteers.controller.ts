import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorResponseDto, Principal, ValidationFailedError } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, InvitationsService, Role, Roles } from '@app/identity';
import { VolunteersService } from '@app/volunteers';
import { AvailabilityDto, CreateCredentialDto, CreateVolunteerDto, CredentialDto, ListVolunteersQueryDto, UpdateVolunteerDto, VolunteerDto, VolunteerPageDto } from '../dtos/volunteer.dto';
import { phrase } from '@app/i18n';

@ApiTags('volunteers')
@Controller('volunteers')
export class VolunteersController {
  constructor(
    private readonly volunteers: VolunteersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Roles(Role.Admin, Role.Coordinator)
  @Get()
  @ApiOperation({ summary: 'Volunteers of the organisation, filtered' })
  @ApiOkResponse({ type: VolunteerPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListVolunteersQueryDto): Promise<VolunteerPageDto> {
    const { lat, lon, km, ...rest } = query;
    const given = [lat, lon, km].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 3) throw new ValidationFailedError(phrase('validation.nearTogether'));
    const page = await this.volunteers.list(principal, { ...rest, near: given === 3 ? { lat: lat as number, lon: lon as number, km: km as number } : undefined });
    return { ...page, items: page.items.map(VolunteerDto.from) };
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Volunteer)
  @Get(':id')
  @ApiOperation({ summary: 'One volunteer (a volunteer: only themselves)' })
  @ApiOkResponse({ type: VolunteerDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<VolunteerDto> {
    return VolunteerDto.from(await this.volunteers.get(principal, id));
  }

  @Roles(Role.Admin, Role.Coordinator)
  @Post()
  @Audited({ action: 'create', resourceType: 'volunteer' })
  @ApiOperation({ summary: 'Register a volunteer (coordinates, or a postcode and house number to geocode); with `invite`, their login is invited in the same transaction' })
  @ApiCreatedResponse({ type: VolunteerDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Address not found, unknown programme, email_required (an invitation without any email), …' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'email_taken: the invitation address has an account here already (nothing is stored)' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateVolunteerDto): Promise<VolunteerDto> {
    const { invite, ...input } = body;
    return VolunteerDto.from(await this.volunteers.create(principal, input, invite && this.invitations.forNewVolunteer(principal, input, invite)));
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Volunteer)
  @Patch(':id')
  @Audited({ action: 'update', resourceType: 'volunteer' })
  @ApiOperation({ summary: 'Change a profile; volunteers change their own contact, location, preferences and absences' })
  @ApiOkResponse({ type: VolunteerDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A status change that is not allowed' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateVolunteerDto): Promise<VolunteerDto> {
    return VolunteerDto.from(await this.volunteers.update(principal, id, body));
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Volunteer)
  @Put(':id/availability')
  @Audited({ action: 'update', resourceType: 'volunteer' })
  @ApiOperation({ summary: 'Replace the weekly availability' })
  @ApiOkResponse({ type: VolunteerDto })
  async setAvailability(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: AvailabilityDto): Promise<VolunteerDto> {
    return VolunteerDto.from(await this.volunteers.setAvailability(principal, id, body.slots));
  }

  @Roles(Role.Admin, Role.Coordinator)
  @Post(':id/credentials')
  @Audited({ action: 'create', resourceType: 'credential', resourceId: (_, r) => (r as CredentialDto | undefined)?.id })
  @ApiOperation({ summary: 'Record a VOG or training' })
  @ApiCreatedResponse({ type: CredentialDto })
  async addCredential(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateCredentialDto): Promise<CredentialDto> {
    return CredentialDto.from(await this.volunteers.addCredential(principal, id, body));
  }

  @Roles(Role.Admin, Role.Coordinator)
  @Delete(':id/credentials/:credentialId')
  @HttpCode(204)
  @Audited({ action: 'delete', resourceType: 'credential', resourceId: (params) => params.credentialId })
  @ApiOperation({ summary: 'Remove a credential' })
  @ApiNoContentResponse()
  async deleteCredential(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('credentialId', ParseUUIDPipe) credentialId: string,
  ): Promise<void> {
    await this.volunteers.deleteCredential(principal, id, credentialId);
  }
}
