import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditVerification } from '@pu/contracts';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from './audit-chain-verifier';

/** The walk reads the whole log: longer than a request's usual statement timeout on a large office. */
const VERIFY_TIMEOUT = '5min';

@Injectable()
export class AuditVerificationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One snapshot for every statement, so entries written meanwhile never look like a broken chain. */
  verify(): Promise<AuditVerification> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await m.query(`SET TRANSACTION READ ONLY`);
      await m.query(`SELECT set_config('statement_timeout', $1, true)`, [VERIFY_TIMEOUT]);
      return verifyAuditChain((sql, params) => m.query(sql, params), new Date());
    });
  }
}
