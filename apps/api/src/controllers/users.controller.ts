import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, Principal } from '@app/core';
import { Audited } from '@app/audit';
import { CurrentPrincipal, Role, Roles, UsersService } from '@app/identity';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserDto, UserPageDto } from '../dtos/user.dto';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles(Role.Admin, Role.Coordinator)
  @Get()
  @ApiOperation({ summary: "List the users of the caller's organisation" })
  @ApiOkResponse({ type: UserPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    const page = await this.users.list(principal, query);
    return { ...page, items: page.items.map(UserDto.from) };
  }

  @Roles(Role.Admin, Role.Coordinator)
  @Get(':id')
  @ApiOperation({ summary: 'One user of the organisation' })
  @ApiOkResponse({ type: UserDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return UserDto.from(await this.users.get(principal, id));
  }

  @Roles(Role.Admin)
  @Post()
  @Audited({ action: 'create', resourceType: 'user' })
  @ApiOperation({ summary: 'Create a user in the organisation' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid input, or a password the policy refuses (password_too_common, password_too_simple, password_contains_email, password_contains_name)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The email is taken in this organisation (email_taken), or the volunteer has a login already' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(principal, body));
  }

  @Roles(Role.Admin)
  @Patch(':id')
  @Audited({ action: 'update', resourceType: 'user' })
  @ApiOperation({ summary: 'Rename, change the role of, or (de)activate a user' })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Admins cannot deactivate themselves or change their own role' })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.update(principal, id, body));
  }
}
