import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ROUTES } from '@pu/contracts';
import { Public } from '../auth/access.decorators';
import { DomainError } from '../common/domain-error';

/** Well under the 2 s a load balancer waits, so an outage is reported rather than timed out. */
const PING_TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get(ROUTES.health)
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(ROUTES.ready)
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: PostgreSQL answers a ping' })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: PING_TIMEOUT_MS })]);
    } catch {
      throw new DomainError('DATABASE_UNAVAILABLE', 'Baza danych jest niedostępna.');
    }
  }
}
