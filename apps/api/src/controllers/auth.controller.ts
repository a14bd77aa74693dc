import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedRequest, ErrorResponseDto } from '@app/core';
import { AuthService, Public } from '@app/identity';
import { LoginDto, RefreshDto, TokenPairDto } from '../dtos/auth.dto';
import { LoginThrottlerGuard } from '../throttling/login-throttler';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottlerGuard) // login only: the throttlers of loginThrottlerOptions
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'organisation_required: the email and password open accounts in several organisations (listed in details); send organisationId' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many attempts from this address, or on this account from any address; `Retry-After` says how many seconds to wait' })
  login(@Body() body: LoginDto, @Req() request: AuthenticatedRequest): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password, request, body.organisationId);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old one becomes invalid)' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Invalid, expired or already used refresh token' })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the login the refresh token belongs to' })
  @ApiNoContentResponse()
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}
