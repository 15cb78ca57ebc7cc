import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type MeResponse, ROLES, ROUTES, SESSION_COOKIE } from '@pu/contracts';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CurrentUser, Public, Roles } from './access.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import type { SessionUser } from './session-user';

export const toMeResponse = (user: SessionUser): MeResponse => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  department: user.department,
  sessionIdleExpiresAt: user.idleExpiresAt.toISOString(),
});

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(ROUTES.auth.login)
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets the HttpOnly session cookie' })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeResponse> {
    const previousToken = (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    const { token, user } = await this.auth.signIn(dto.username, dto.password, {
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
      previousToken,
    });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.session.secureCookies,
      path: '/',
      maxAge: this.config.session.absoluteHours * 3_600_000,
    });
    return toMeResponse(user);
  }

  @Post(ROUTES.auth.logout)
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out; the session is revoked on the server' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    if (token) await this.auth.signOut(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get(ROUTES.auth.me)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: SessionUser): MeResponse {
    return toMeResponse(user);
  }
}
