import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, ROUTES, type NotificationPage, type UnreadCount } from '@pu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/id-param';
import { NotificationListQueryDto } from './dto/notification-list.dto';
import { NotificationInbox } from './notification-inbox.service';
import { NotificationStream } from './notification-stream';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(
    private readonly inbox: NotificationInbox,
    private readonly stream: NotificationStream,
  ) {}

  @Get(ROUTES.notifications)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  list(@Query() query: NotificationListQueryDto, @CurrentActor() actor: Actor): Promise<NotificationPage> {
    return this.inbox.list(actor.userId, query);
  }

  @Get(ROUTES.notificationsUnread)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'My unread count (the polling fallback of the stream)' })
  async unread(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return { unread: await this.inbox.unread(actor.userId) };
  }

  /**
   * Server-sent events (`text/event-stream`): my unread count, now and after every change. Left out of the
   * OpenAPI document: it is not a JSON operation, and a generated client or the fuzzer would wait on it forever.
   */
  @Get(ROUTES.notificationsStream)
  @Roles(...ROLES)
  @ApiExcludeEndpoint()
  streamUnread(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: false }) reply: FastifyReply,
  ): Promise<void> {
    return this.stream.serve(actor.userId, request, reply);
  }

  @Post(ROUTES.notificationRead(':id'))
  @Roles(...ROLES)
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  markRead(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.inbox.markRead(actor.userId, id);
  }

  @Post(ROUTES.notificationsReadAll)
  @Roles(...ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  async markAllRead(@CurrentActor() actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.inbox.markAllRead(actor.userId) };
  }
}
