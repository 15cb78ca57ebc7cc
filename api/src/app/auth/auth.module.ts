import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CsrfTokens } from './csrf';
import { DeviceCookies } from './device-cookies';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { createSessionCache, SessionCache } from './session-cache';
import { SessionChangeListener } from './session-change-listener';
import { SessionsService } from './sessions.service';

/** Sessions and sign-in; the guard built on SessionsService is registered where the application is assembled. */
@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginThrottleService,
    PasswordHasher,
    SessionsService,
    { provide: SessionCache, inject: [APP_CONFIG], useFactory: createSessionCache },
    SessionChangeListener,
    {
      provide: CsrfTokens,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CsrfTokens(config.session.secret, config.session.secureCookies),
    },
    {
      provide: DeviceCookies,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new DeviceCookies(config.session.secret, config.session.secureCookies),
    },
  ],
  exports: [CsrfTokens, PasswordHasher, SessionsService],
})
export class AuthModule {}
