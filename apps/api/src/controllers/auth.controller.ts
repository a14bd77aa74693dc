import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuthenticatedRequest, ErrorResponseDto } from '@app/core';
import { AuthService, PasswordResetService, Public } from '@app/identity';
import { I18nService } from '@app/i18n';
import {
  ChallengeDto,
  ConfirmPasswordResetDto,
  PasswordResetAcceptedDto,
  PasswordResetDto,
  SecondFactorDto,
  SecondFactorTokensDto,
  TotpEnrolmentDto,
  TwoFactorChallengeDto,
} from '../dtos/account.dto';
import type { FastifyReply } from 'fastify';
import { ApiSessionHeader, BrowserSessions } from '../browser-session';
import { LoginDto, LogoutDto, RefreshDto, TokenPairDto } from '../dtos/auth.dto';
import { LoginThrottlerGuard } from '../throttling/login-throttler';

/** The same answer for every address: whether it has accounts is not for the caller to learn. */

@ApiTags('auth')
@ApiExtraModels(TokenPairDto, TwoFactorChallengeDto)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly i18n: I18nService,
    private readonly sessions: BrowserSessions,
  ) {}

  @Public()
  @UseGuards(LoginThrottlerGuard) // login only: the throttlers of loginThrottlerOptions
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password' })
  @ApiOkResponse({
    description: 'Tokens; or, when two-factor login is on for the account (or required by its organisation), a challenge to finish at /api/auth/login/totp',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenPairDto) }, { $ref: getSchemaPath(TwoFactorChallengeDto) }] },
  })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'organisation_required: the email and password open accounts in several organisations (listed in details); send organisationId' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many attempts from this address, or on this account from any address; `Retry-After` says how many seconds to wait' })
  @ApiSessionHeader()
  async login(@Body() body: LoginDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPairDto | TwoFactorChallengeDto> {
    return this.sessions.deliver(request, reply, await this.auth.login(body.email, body.password, request, body.organisationId));
  }

  @Public()
  @Post('login/totp')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish a two-factor login with an app code or a recovery code (a required enrolment: its first code)' })
  @ApiOkResponse({ type: SecondFactorTokensDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'invalid_code (wrong, or a code used before), invalid_challenge (expired)' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Counted with the password attempts of the account; `Retry-After`' })
  @ApiSessionHeader()
  async loginSecondFactor(@Body() body: SecondFactorDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SecondFactorTokensDto> {
    return this.sessions.deliver(request, reply, await this.auth.loginSecondFactor(body.challenge, { code: body.code, recoveryCode: body.recoveryCode }, request));
  }

  @Public()
  @Post('login/totp/enrol')
  @HttpCode(200)
  @ApiOperation({ summary: 'During a login whose organisation requires a second factor the user lacks: a new authenticator secret' })
  @ApiOkResponse({ type: TotpEnrolmentDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'enrolment_not_required' })
  enrolAtLogin(@Body() body: ChallengeDto, @Req() request: AuthenticatedRequest): Promise<TotpEnrolmentDto> {
    return this.auth.enrolAtLogin(body.challenge, request);
  }

  @Public()
  @UseGuards(LoginThrottlerGuard) // per address and per address+account, like login
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a password reset link to each account of the address (the same answer whether there is one or not)' })
  @ApiAcceptedResponse({ type: PasswordResetAcceptedDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many requests from this address, or for this email address; `Retry-After`' })
  async requestPasswordReset(@Body() body: PasswordResetDto, @Req() request: AuthenticatedRequest): Promise<PasswordResetAcceptedDto> {
    await this.resets.request(body.email, request);
    // The same words whatever the address: they depend on the asker's language only.
    return { message: this.i18n.t(I18nService.fromAcceptLanguage(request.headers['accept-language']), 'account.resetAccepted') };
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the link of a reset email; every login of the account ends' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'invalid_token, or a password the policy refuses' })
  @ApiGoneResponse({ type: ErrorResponseDto, description: 'token_used, token_expired' })
  async confirmPasswordReset(@Body() body: ConfirmPasswordResetDto, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.resets.confirm(body.token, body.newPassword, request);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token (in the body, or the `vm_refresh` cookie) for a new pair (the old one becomes invalid); with the cookie, the new refresh token is set as the cookie and left out of the body' })
  @ApiBody({ type: RefreshDto, required: false })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Invalid, expired or already used refresh token (a cookie is then cleared)' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'origin_refused: the cookie was used without the service\'s own Origin header' })
  refresh(@Body() body: RefreshDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPairDto> {
    if (body.refreshToken !== undefined) return this.auth.refresh(body.refreshToken);
    return this.sessions.refresh(request, reply, (token) => this.auth.refresh(token));
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the login the refresh token (in the body, or the `vm_refresh` cookie, then cleared) belongs to; with `everywhere`, every login of its user' })
  @ApiBody({ type: LogoutDto, required: false })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'origin_refused: the cookie was used without the service\'s own Origin header' })
  async logout(@Body() body: LogoutDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const everywhere = body.everywhere ?? false;
    if (body.refreshToken !== undefined) return this.auth.logout(body.refreshToken, everywhere);
    return this.sessions.logout(request, reply, (token) => this.auth.logout(token, everywhere));
  }
}
