import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { selectCredentials } from './auth.queries';
import { LoginThrottleService, ThrottleKey } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';
import type { SessionUser } from './session-user';

const INVALID = () => new DomainError('INVALID_CREDENTIALS', 'Nieprawidłowa nazwa użytkownika lub hasło.');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * The answer and its timing are the same whether the account is unknown, disabled or the password wrong:
   * a password hash is verified on every path.
   */
  async signIn(
    username: string,
    password: string,
    client: { ip: string | null; userAgent: string | null; previousToken?: string },
  ): Promise<{ token: string; user: SessionUser }> {
    const name = username.trim().toLowerCase();
    const keys: ThrottleKey[] = [
      { kind: 'user', value: name },
      ...(client.ip ? [{ kind: 'ip' as const, value: client.ip }] : []),
    ];
    await this.throttle.assertNotLocked(keys);
    const user = await selectCredentials(this.db.manager, name);
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
