import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROUTES, type UserResponse } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/id-param';
import { IfMatchVersion } from '../common/versioning';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('admin')
@Controller()
@Roles('admin')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get(ROUTES.admin.users)
  list(): Promise<UserResponse[]> {
    return this.users.list();
  }

  @Get(ROUTES.admin.user(':id'))
  get(@IdParam() id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Post(ROUTES.admin.users)
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.create(dto, actor);
  }

  @Patch(ROUTES.admin.user(':id'))
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version from the ETag, e.g. "3"' })
  @ApiOperation({ summary: 'Edit a user; disabling ends their sessions' })
  update(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserResponse> {
    return this.users.update(id, version, dto, actor);
  }

  @Post(ROUTES.admin.userPassword(':id'))
  @HttpCode(204)
  @ApiOperation({ summary: "Set a new password; ends the user's sessions" })
  resetPassword(@IdParam() id: string, @Body() dto: ResetPasswordDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.users.resetPassword(id, dto.password, actor);
  }
}
