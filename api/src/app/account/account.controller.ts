import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, ROUTES, type AccountSettingsResponse } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IfMatchVersion } from '../common/versioning';
import { AccountService } from './account.service';
import { UpdateAccountSettingsDto } from './dto/account-settings.dto';

@ApiTags('account')
@Controller()
@Roles(...ROLES)
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get(ROUTES.account.settings)
  @ApiOperation({ summary: "The signed-in user's e-mail choice and language" })
  get(@CurrentActor() actor: Actor): Promise<AccountSettingsResponse> {
    return this.account.get(actor.userId);
  }

  @Patch(ROUTES.account.settings)
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version from the ETag, e.g. "3"' })
  @ApiOperation({ summary: 'Choose every e-mail, the morning digest only or no e-mail, and the language' })
  update(
    @IfMatchVersion() version: number,
    @Body() dto: UpdateAccountSettingsDto,
    @CurrentActor() actor: Actor,
  ): Promise<AccountSettingsResponse> {
    return this.account.update(version, dto, actor);
  }
}
