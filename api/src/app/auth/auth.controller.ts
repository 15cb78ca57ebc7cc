import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type MeResponse, ROLES, ROUTES, SESSION_COOKIE } from '@pu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CurrentUser, Public, Roles } from './access.decorators';
import { AuthService } from './auth.service';
import { CsrfTokens } from './csrf';
import { DEVICE_COOKIE, DeviceCookies } from './device-cookies';
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
    private readonly csrf: CsrfTokens,
    private readonly devices: DeviceCookies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Post(ROUTES.auth.login)
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets the HttpOnly session and device cookies and a new CSRF token' })
  async login(
    @Body() dto: LoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MeResponse> {
    const now = this.clock.now();
    const deviceCookie = req.cookies[DEVICE_COOKIE];
    const { token, user } = await this.auth.signIn(
      dto.username,
      dto.password,
      {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        previousToken: req.cookies[SESSION_COOKIE],
        deviceCookie,
      },
      now,
    );
    res.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.session.secureCookies,
      path: '/',
      maxAge: this.config.session.absoluteHours * 3_600, // seconds
    });
    this.csrf.issue(res, token);
    this.devices.renew(res, deviceCookie, user.id, Math.floor(now.getTime() / 1000));
    return toMeResponse(user);
  }

  @Post(ROUTES.auth.logout)
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out; the session is revoked on the server and the CSRF token replaced' })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await this.auth.signOut(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    this.csrf.issue(res, null);
  }

  @Get(ROUTES.auth.me)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: SessionUser): MeResponse {
    return toMeResponse(user);
  }
}
