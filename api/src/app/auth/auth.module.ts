import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
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
  ],
  exports: [PasswordHasher, SessionsService],
})
export class AuthModule {}
