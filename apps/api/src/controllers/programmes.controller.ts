import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { ProgrammesService } from '@app/programmes';
import { CreateProgrammeDto, ListProgrammesQueryDto, ProgrammeDto, ProgrammePageDto, UpdateProgrammeDto } from '../dtos/programme.dto';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Get()
  @ApiOperation({ summary: "The organisation's programmes (referrers choose one when they submit a request)" })
  @ApiOkResponse({ type: ProgrammePageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListProgrammesQueryDto): Promise<ProgrammePageDto> {
    const page = await this.programmes.list(principal, query);
    return { ...page, items: page.items.map(ProgrammeDto.from) };
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Get(':id')
  @ApiOperation({ summary: 'One programme' })
  @ApiOkResponse({ type: ProgrammeDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ProgrammeDto> {
    return ProgrammeDto.from(await this.programmes.get(principal, id));
  }

  @Roles(Role.Admin, Role.Coordinator)
  @Post()
  @Audited({ action: 'create', resourceType: 'programme' })
  @ApiOperation({ summary: 'Create a programme; settings not given take the defaults of its kind' })
  @ApiCreatedResponse({ type: ProgrammeDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Settings that do not fit together' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateProgrammeDto): Promise<ProgrammeDto> {
    return ProgrammeDto.from(await this.programmes.create(principal, body));
  }

  @Roles(Role.Admin, Role.Coordinator)
  @Patch(':id')
  @Audited({ action: 'update', resourceType: 'programme' })
  @ApiOperation({ summary: 'Change a programme (its kind cannot change)' })
  @ApiOkResponse({ type: ProgrammeDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateProgrammeDto): Promise<ProgrammeDto> {
    return ProgrammeDto.from(await this.programmes.update(principal, id, body));
  }
}
