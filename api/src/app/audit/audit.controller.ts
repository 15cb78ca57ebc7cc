import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuditVerification, ROUTES } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { AuditVerificationService } from './audit-verification.service';
import { auditBreakMessage } from './audit-chain-verifier';
import { RequestLanguage } from '../i18n/request-language';
import type { Language } from '@pu/workflow';

const BREAK_SCHEMA = {
  type: 'object',
  nullable: true,
  required: ['chain', 'entryId', 'seq', 'problem', 'message'],
  properties: {
    chain: { type: 'string', example: 'case:6f1c2c9e-1d0b-4f57-9a55-1d5a3f1c0b6e' },
    entryId: { type: 'string', nullable: true },
    seq: { type: 'integer', nullable: true },
    problem: { type: 'string', enum: ['altered', 'missing', 'inserted', 'unlinked'] },
    message: { type: 'string' },
  },
};

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly verification: AuditVerificationService) {}

  @Get(ROUTES.auditVerify)
  @Roles('quality')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Walks the hash chains of the audit log and names the first broken link (quality officer only)',
    description:
      'Read only. Every entry is chained by SHA-256 to the one before it in its chain (one chain per case, one per ' +
      'other entity); an edited, deleted or inserted entry breaks the chain. `headsDigest` may be recorded outside ' +
      'the database to show later that no chain was rewritten as a whole.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['ok', 'checkedAt', 'entries', 'chains', 'headsDigest', 'firstBreak'],
      properties: {
        ok: { type: 'boolean' },
        checkedAt: { type: 'string', format: 'date-time' },
        entries: { type: 'integer' },
        chains: { type: 'integer' },
        headsDigest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        firstBreak: BREAK_SCHEMA,
      },
    },
  })
  async verify(@RequestLanguage() language: Language): Promise<AuditVerification> {
    const result = await this.verification.verify();
    const broken = result.firstBreak;
    return broken
      ? { ...result, firstBreak: { ...broken, message: auditBreakMessage(broken.problem, broken.seq, language) } }
      : result;
  }
}
