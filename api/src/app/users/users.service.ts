import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserResponse } from '@pu/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import type { Actor } from '../common/actor';
import { isUniqueViolation } from '../common/database-errors';
import { DomainError, notFound, validationFailed } from '../common/domain-error';
import { staleVersion } from '../common/versioning';
import { isActiveDepartment } from '../departments/departments.queries';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { insertUser, selectUser, selectUsers, updatePassword, updateUser, type UserRow } from './users.queries';

export const toUserResponse = (u: UserRow): UserResponse => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  email: u.email,
  emailMode: u.email_mode,
  language: u.language,
  role: u.role,
  department: { id: u.department_id, symbol: u.department_symbol, name: u.department_name },
  disabled: u.disabled,
  createdAt: u.created_at.toISOString(),
  version: u.version,
});

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserResponse[]> {
    return (await selectUsers(this.db.manager)).map(toUserResponse);
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<UserResponse> {
    const user = await selectUser(manager, id);
    if (!user) throw notFound('Nie znaleziono użytkownika.');
    return toUserResponse(user);
  }

  async create(dto: CreateUserDto, actor: Actor): Promise<UserResponse> {
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      return await this.db.transaction(async (m) => {
        await this.assertDepartment(m, dto.departmentId);
        const id = await insertUser(m, {
          username: dto.username,
          displayName: dto.displayName,
          email: dto.email ?? null,
          role: dto.role,
          departmentId: dto.departmentId,
          passwordHash,
        });
        const response = await this.get(id, m);
        await this.audit.record(m, actor, {
          entityType: 'user',
          entityId: id,
          action: 'create',
          after: response,
        });
        return response;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('DUPLICATE', `Użytkownik ${dto.username} już istnieje.`, {
          username: ['Ten login jest już zajęty.'],
        });
      }
      throw error;
    }
  }

  /** Disabling a user ends every session they have, in the same transaction. */
  async update(id: string, version: number, dto: UpdateUserDto, actor: Actor): Promise<UserResponse> {
    if (id === actor.userId && (dto.disabled === true || (dto.role && dto.role !== 'admin'))) {
      throw validationFailed({
        [dto.disabled ? 'disabled' : 'role']: [
          'Nie możesz wyłączyć własnego konta ani odebrać sobie roli administratora.',
        ],
      });
    }
    const updated = await this.db.transaction(async (m) => {
      const before = await this.get(id, m);
      if (dto.departmentId) await this.assertDepartment(m, dto.departmentId);
      if (!(await updateUser(m, id, version, dto))) throw staleVersion();
      if (dto.disabled === true) await this.sessions.revokeAllOfUser(id, m);
      const after = await this.get(id, m);
      await this.audit.record(m, actor, {
        entityType: 'user',
        entityId: id,
        action: dto.disabled === true && !before.disabled ? 'disable' : 'update',
        before,
        after,
      });
      return after;
    });
    // Only now can other connections read the change; a session resolved before this may have cached the old row.
    this.sessions.forgetUser(id);
    return updated;
  }

  /** A reset also ends the user's sessions: whoever knew the old password is signed out. */
  async resetPassword(id: string, password: string, actor: Actor): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.db.transaction(async (m) => {
      if (!(await updatePassword(m, id, passwordHash))) throw notFound('Nie znaleziono użytkownika.');
      await this.sessions.revokeAllOfUser(id, m);
      await this.audit.record(m, actor, { entityType: 'user', entityId: id, action: 'reset_password' });
    });
    this.sessions.forgetUser(id);
  }

  private async assertDepartment(m: EntityManager, departmentId: string): Promise<void> {
    if (!(await isActiveDepartment(m, departmentId)))
      throw validationFailed({ departmentId: ['Wybierz istniejący, aktywny wydział.'] });
  }
}
