import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditVerification } from '@pu/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { liftQueryDeadline } from '../database/guarded-client';
import { verifyAuditChain } from './audit-chain-verifier';

/** The walk reads the whole log: longer than a request's usual statement timeout on a large office. */
const VERIFY_TIMEOUT = '5min';

@Injectable()
export class AuditVerificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** One snapshot for every statement, so entries written meanwhile never look like a broken chain. */
  async verify(): Promise<AuditVerification> {
    const runner = this.db.createQueryRunner();
    // The client-side deadline tells a frozen server from a slow query; this one is slow by nature.
    const restoreDeadline = liftQueryDeadline(await runner.connect());
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`SET TRANSACTION READ ONLY`);
      await runner.query(`SELECT set_config('statement_timeout', $1, true)`, [VERIFY_TIMEOUT]);
      const result = await verifyAuditChain((sql, params) => runner.query(sql, params), this.clock.now());
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      restoreDeadline();
      await runner.release();
    }
  }
}
