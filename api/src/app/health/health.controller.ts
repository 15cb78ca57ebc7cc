import { message } from '@pu/workflow';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ROUTES } from '@pu/contracts';
import { Public } from '../auth/access.decorators';
import { DomainError } from '../common/domain-error';
import { ConnectionBreaker } from '../database/connection-breaker';

/** Well under the 2 s a load balancer waits, so an outage is reported rather than timed out. */
const PING_TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly breaker: ConnectionBreaker,
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
    // While the breaker waits before its next probe the answer is known without asking.
    if (this.breaker.refusing) throw new DomainError('DATABASE_UNAVAILABLE', message('http.databaseDown'));
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: PING_TIMEOUT_MS })]);
    } catch {
      throw new DomainError('DATABASE_UNAVAILABLE', message('http.databaseDown'));
    }
  }
}
