import { message } from '@pu/workflow';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { selectCredentials } from './auth.queries';
import { DeviceCookies } from './device-cookies';
import { LoginThrottleService, ThrottleKey } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';
import type { SessionUser } from './session-user';

const INVALID = () => new DomainError('INVALID_CREDENTIALS', message('auth.invalidCredentials'));

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
    private readonly devices: DeviceCookies,
  ) {}

  /**
   * The answer and its timing are the same whether the account is unknown, disabled or the password wrong:
   * a password hash is verified on every path that is not locked, and a lock answers alike for every name.
   * A device cookie counts only when it names the account being signed in to, which an unknown name never is.
   */
  async signIn(
    username: string,
    password: string,
    client: { ip: string | null; userAgent: string | null; previousToken?: string; deviceCookie?: string },
    now: Date,
  ): Promise<{ token: string; user: SessionUser }> {
    const name = username.trim().toLowerCase();
    const user = await selectCredentials(this.db.manager, name);
    const seconds = Math.floor(now.getTime() / 1000);
    const device = user ? this.devices.trustedFor(client.deviceCookie, user.id, seconds) : null;
    const keys: ThrottleKey[] = device
      ? [{ kind: 'device', value: device.nonce }]
      : [{ kind: 'user', value: name }, ...(client.ip ? [{ kind: 'ip' as const, value: client.ip }] : [])];
    await this.throttle.assertNotLocked(keys);
    const passwordOk = await this.hasher.verify(user?.password_hash ?? null, password);
    if (!user || !passwordOk || user.disabled) {
      await this.throttle.recordFailure(keys);
      throw INVALID();
    }
    await this.throttle.clear(keys[0]);
    // A new session on every sign-in: a token planted before sign-in is worthless after it.
    if (client.previousToken) await this.sessions.revokeToken(client.previousToken);
    const { token } = await this.sessions.create(user.id, client.ip, client.userAgent);
    const sessionUser = await this.sessions.resolve(token);
    if (!sessionUser) throw INVALID();
    return { token, user: sessionUser };
  }

  signOut(token: string): Promise<void> {
    return this.sessions.revokeToken(token);
  }
}
