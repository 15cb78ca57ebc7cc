import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MaxLength,
  MinLength,
  validateSync,
} from 'class-validator';
import { dirname, resolve } from 'node:path';

const toBool = ({ value }: { value: unknown }) =>
  typeof value !== 'string' || value === '' ? value : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

const UNIT_BYTES: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };
const toBytes = (size: string) => {
  const [, amount, unit] = /^(\d+)([a-z]*)$/i.exec(size) ?? ['', '0', ''];
  return Number(amount) * (UNIT_BYTES[unit.toLowerCase()] ?? 1);
};

/** Environment variables, validated at boot. Each is documented in the README's configuration table. */
class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535) PORT?: number;
  @IsOptional() @IsString() @MinLength(1) DATABASE_URL?: string;
  @IsOptional() @IsString() @MinLength(1) MIGRATION_DATABASE_URL?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() DB_PREPARED_STATEMENTS?: boolean;
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() DEMO?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() MIGRATIONS_RUN?: boolean;
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1440) SESSION_IDLE_MINUTES?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(72) SESSION_ABSOLUTE_HOURS?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() SESSION_CACHE?: boolean;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional()
  @Matches(/^\d+(b|kb|mb)?$/i, { message: 'BODY_LIMIT must be a size such as 256kb, 1mb or 65536' })
  BODY_LIMIT?: string;
  @IsOptional() @IsString() TRUST_PROXY?: string;
  @IsOptional() @IsString() WEB_DIST?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() SECURE_COOKIES?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10) OFFICE_ERROR_INFORM_WORKING_DAYS?: number;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) OFFICE_NAME?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600) REQUEST_TIMEOUT_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600) HEADERS_TIMEOUT_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600) KEEP_ALIVE_TIMEOUT_SECONDS?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() JOBS?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(86400) REMINDER_SCAN_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(30) REMINDER_LEAD_WORKING_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10080) PROMISE_LEAD_MINUTES?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(366) REMINDER_OVERDUE_LOOKBACK_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(86400) REPORT_ROLLUP_COMPACT_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100) EXPORTS_AT_ONCE?: number;
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail:587',
  })
  SMTP_URL?: string;
  @IsOptional() @IsString() @MinLength(3) SMTP_FROM?: string;
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+(\/\S*)?$/, {
    message: 'PUBLIC_URL must be an http(s) URL, e.g. https://pu.urzad.gov.pl',
  })
  PUBLIC_URL?: string;
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'DIGEST_AT must be a time HH:MM (Europe/Warsaw), e.g. 07:30' })
  DIGEST_AT?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3600) EMAIL_POLL_SECONDS?: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  database: {
    url: string | null;
    /** The schema owner, for migrations only; null: migrations use `url` (one role for everything). */
    migrationUrl: string | null;
    poolSize: number;
    /** Named prepared statements for the hottest reads (see PreparedQueries). */
    preparedStatements: boolean;
    dataDir: string;
    runMigrations: boolean;
  };
  demo: boolean;
  session: {
    secret: string;
    idleMinutes: number;
    absoluteHours: number;
    secureCookies: boolean;
    /**
     * The in-memory cache of resolved sessions (SessionCache). `local`: this process is the database's only
     * client, so its own evictions are complete. `notified`: other replicas may change the database, so it is
     * used only while SessionChangeListener hears their changes.
     */
    cache: 'off' | 'local' | 'notified';
  };
  logLevel: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** How long a client may take to send a request (headers within the shorter one), and keep an idle connection. */
  timeouts: { requestMs: number; headersMs: number; keepAliveMs: number };
  trustProxy: string | null;
  webDist: string;
  /** Standard 21 target: working days from discovering an office error to informing the client. */
  officeErrorInformWorkingDays: number;
  /** The office's name as printed on reports and exports. */
  officeName: string;
  /** Whether this process works the job queue (JOBS=false for a replica that only serves requests). */
  jobs: boolean;
  reminders: {
    scanSeconds: number;
    /** A case date within this many working days is "due soon". */
    leadWorkingDays: number;
    /** A promise due within this many minutes is "due soon". */
    promiseLeadMinutes: number;
    /** How far back a scan still reports a date that passed, so a stopped system catches up (and no further). */
    overdueLookbackDays: number;
  };
  /** How often the rows appended to the quality report's monthly sums are folded into one per key. */
  reportRollupCompactSeconds: number;
  /** Register downloads running at once in this process; each holds a pool connection until its file is done. */
  exportsAtOnce: number;
  mail: MailConfig;
}

export interface MailConfig {
  /** Null: no e-mail is built or sent (in-app notifications only). */
  smtpUrl: string | null;
  from: string;
  /** Where the SPA is reached from outside, without a trailing slash: the base of every link in an e-mail. */
  publicUrl: string;
  /** Minutes after Warsaw midnight of the morning digest. */
  digestAtMinutes: number;
  /** How often this process looks for e-mail to build and send (when it works jobs); 0 = never by itself. */
  pollMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const minutesOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const DEV_SESSION_SECRET = 'development-only-secret-do-not-use-in-production';

/** Reads and validates the environment; throws one message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = plainToInstance(EnvironmentVariables, { ...env });
  const errors = validateSync(parsed, { whitelist: false });
  const problems = errors.map(
    (e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  const nodeEnv = (parsed.NODE_ENV ?? 'development') as AppConfig['env'];
  const production = nodeEnv === 'production';
  const embedded = !parsed.DATABASE_URL;
  const demo = parsed.DEMO ?? embedded;
  const preparedStatements = embedded ? false : (parsed.DB_PREPARED_STATEMENTS ?? true);
  if (production && !parsed.SESSION_SECRET) problems.push('SESSION_SECRET: required when NODE_ENV=production');
  if (embedded && parsed.MIGRATION_DATABASE_URL)
    problems.push('MIGRATION_DATABASE_URL: needs DATABASE_URL (the embedded database has one role)');
  if (production && parsed.DEMO) problems.push('DEMO: demo users are never created when NODE_ENV=production');
  const requestTimeout = parsed.REQUEST_TIMEOUT_SECONDS ?? 30;
  const headersTimeout = parsed.HEADERS_TIMEOUT_SECONDS ?? Math.min(20, requestTimeout);
  if (headersTimeout > requestTimeout)
    problems.push('HEADERS_TIMEOUT_SECONDS: must not be longer than REQUEST_TIMEOUT_SECONDS');
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  // PGlite serves one connection at a time; more interleaves protocol messages.
  const poolSize = embedded ? 1 : (parsed.DB_POOL_SIZE ?? 10);
  return {
    env: nodeEnv,
    port: parsed.PORT ?? 3000,
    database: {
      url: parsed.DATABASE_URL ?? null,
      migrationUrl: parsed.MIGRATION_DATABASE_URL ?? null,
      poolSize,
      // Off for the embedded database (one backend session for every connection) and for poolers that hand
      // a connection to another client after each transaction (PgBouncer in transaction mode before 1.21).
      preparedStatements,
      dataDir: resolve(parsed.DATA_DIR ?? 'data'),
      runMigrations: parsed.MIGRATIONS_RUN ?? true,
    },
    demo: production ? false : demo,
    session: {
      secret: parsed.SESSION_SECRET ?? DEV_SESSION_SECRET,
      idleMinutes: parsed.SESSION_IDLE_MINUTES ?? 30,
      absoluteHours: parsed.SESSION_ABSOLUTE_HOURS ?? 10,
      secureCookies: parsed.SECURE_COOKIES ?? production,
      // LISTEN needs a backend session of the connection's own, which PGlite behind a socket and a
      // transaction-mode pooler do not give: the same setups that turn prepared statements off.
      cache: !(parsed.SESSION_CACHE ?? true) ? 'off' : embedded ? 'local' : preparedStatements ? 'notified' : 'off',
    },
    logLevel: parsed.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    bodyLimit: toBytes(parsed.BODY_LIMIT ?? '256kb'),
    timeouts: {
      requestMs: requestTimeout * 1000,
      headersMs: headersTimeout * 1000,
      // Above the idle timeout of common load balancers (60 s), so the proxy, not the app, closes idle connections.
      keepAliveMs: (parsed.KEEP_ALIVE_TIMEOUT_SECONDS ?? 65) * 1000,
    },
    trustProxy: parsed.TRUST_PROXY ?? null,
    // The API bundle runs from dist/api/main.js; the SPA is built to dist/web/browser beside it.
    officeErrorInformWorkingDays: parsed.OFFICE_ERROR_INFORM_WORKING_DAYS ?? 1,
    officeName: parsed.OFFICE_NAME?.trim() || 'Urząd Miasta',
    // Tests start the queue where they test it; elsewhere every replica works it unless told not to.
    jobs: parsed.JOBS ?? nodeEnv !== 'test',
    reminders: {
      scanSeconds: parsed.REMINDER_SCAN_SECONDS ?? 300,
      leadWorkingDays: parsed.REMINDER_LEAD_WORKING_DAYS ?? 2,
      promiseLeadMinutes: parsed.PROMISE_LEAD_MINUTES ?? 120,
      overdueLookbackDays: parsed.REMINDER_OVERDUE_LOOKBACK_DAYS ?? 3,
    },
    reportRollupCompactSeconds: parsed.REPORT_ROLLUP_COMPACT_SECONDS ?? 300,
    // A quarter of the pool: long downloads never take the connections that the counter's requests need.
    exportsAtOnce: parsed.EXPORTS_AT_ONCE ?? Math.max(1, Math.floor(poolSize / 4)),
    webDist: resolve(parsed.WEB_DIST ?? resolve(dirname(process.argv[1] ?? '.'), '../web/browser')),
    mail: {
      smtpUrl: parsed.SMTP_URL ?? null,
      from: parsed.SMTP_FROM ?? 'Przyjazny Urząd <no-reply@localhost>',
      publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT ?? 3000}`).replace(/\/+$/, ''),
      digestAtMinutes: minutesOfDay(parsed.DIGEST_AT ?? '07:30'),
      pollMs: (parsed.EMAIL_POLL_SECONDS ?? 15) * 1000,
    },
  };
}
