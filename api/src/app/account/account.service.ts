import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountSettingsResponse } from '@pu/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { staleVersion } from '../common/versioning';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { selectAccountSettings, updateAccountSettings, type AccountSettingsRow } from './account.queries';
import type { UpdateAccountSettingsDto } from './dto/account-settings.dto';

/** The signed-in user's own settings: how they want e-mail, and in which language. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async get(userId: string, manager: EntityManager = this.db.manager): Promise<AccountSettingsResponse> {
    const row = await selectAccountSettings(manager, userId);
    if (!row) throw new DomainError('NOT_FOUND', { pl: 'Nie znaleziono konta.', en: 'Account not found.' });
    return this.toResponse(row);
  }

  async update(version: number, dto: UpdateAccountSettingsDto, actor: Actor): Promise<AccountSettingsResponse> {
    const updated = await this.db.transaction(async (m) => {
      const before = await this.get(actor.userId, m);
      if (!(await updateAccountSettings(m, actor.userId, version, dto))) throw staleVersion();
      const after = await this.get(actor.userId, m);
      await this.audit.record(m, actor, {
        entityType: 'user',
        entityId: actor.userId,
        action: 'update_settings',
        before: { emailMode: before.emailMode, language: before.language },
        after: { emailMode: after.emailMode, language: after.language },
      });
      return after;
    });
    // The user row's version moved: a cached session holding the old row must read it again.
    this.sessions.forgetUser(actor.userId);
    return updated;
  }

  private toResponse(row: AccountSettingsRow): AccountSettingsResponse {
    return {
      email: row.email,
      emailMode: row.email_mode,
      language: row.language,
      emailEnabled: this.config.mail.smtpUrl !== null,
      version: row.version,
    };
  }
}
