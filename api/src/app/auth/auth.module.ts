import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { createSessionCache, SessionCache } from './session-cache';
import { SessionChangeListener } from './session-change-listener';
import { SessionGuard } from './session.guard';
import { SessionsService } from './sessions.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginThrottleService,
    PasswordHasher,
    SessionsService,
    { provide: SessionCache, inject: [APP_CONFIG], useFactory: createSessionCache },
    SessionChangeListener,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [PasswordHasher, SessionsService],
})
export class AuthModule {}
