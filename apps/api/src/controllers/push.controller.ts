import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/core';
import { CurrentPrincipal, Role, Roles } from '@app/identity';
import { PushSubscriptionsService } from '@app/notifications';
import { CreatePushSubscriptionDto, PushPublicKeyDto, PushSubscriptionDto } from '../dtos/push.dto';

@ApiTags('notifications')
@Controller()
export class PushController {
  constructor(private readonly push: PushSubscriptionsService) {}

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Get('push/public-key')
  @ApiOperation({ summary: 'The VAPID public key to subscribe a browser with (503 push_not_configured when push is off)' })
  @ApiOkResponse({ type: PushPublicKeyDto })
  publicKey(): PushPublicKeyDto {
    return { publicKey: this.push.publicKey() };
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Post('me/push-subscriptions')
  @ApiOperation({ summary: "Receive push messages in this browser (the same endpoint again updates its keys)" })
  @ApiCreatedResponse({ type: PushSubscriptionDto })
  subscribe(@CurrentPrincipal() principal: Principal, @Body() body: CreatePushSubscriptionDto): Promise<PushSubscriptionDto> {
    return this.push.subscribe(principal, body);
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Get('me/push-subscriptions')
  @ApiOperation({ summary: 'Your browsers that receive push messages' })
  @ApiOkResponse({ type: [PushSubscriptionDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<PushSubscriptionDto[]> {
    return this.push.list(principal);
  }

  @Roles(Role.Admin, Role.Coordinator, Role.Referrer, Role.Volunteer)
  @Delete('me/push-subscriptions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop push messages to one of your browsers' })
  @ApiNoContentResponse()
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.push.remove(principal, id);
  }
}
