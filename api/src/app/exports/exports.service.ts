import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExportQuery, PublicStatistics } from '@pu/contracts';
import { formatPeriod } from '@pu/workflow';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { registerCells, registerFields, registerLine, REGISTER_COLUMNS } from './complaints-register';
import { CONTENT_TYPES, type ExportFile } from './export-file';
import { exportPeriod, exportScope } from './export-scope';
import { ExportSlots } from './export-slots';
import { ExportSnapshot } from './export-snapshot';
import {
  type DepartmentLabel,
  type ExportPeriod,
  type ExportScope,
  insertExportAudit,
  type RegisterRow,
  registerCountQuery,
  registerQuery,
  selectDepartments,
  selectRootCauseNames,
  type StatisticsRow,
  statisticsQuery,
} from './exports.queries';
import { publicStatistics, STATISTICS_CSV_HEADER, statisticsCsvRows } from './public-statistics';
import { csvStream } from './writers/csv-writer';
import { xlsxStream } from './writers/xlsx-writer';

/** What an export needs to know before it reads: whose cases, which days, and the department's name. */
interface ExportContext {
  period: ExportPeriod;
  scope: ExportScope;
  department: DepartmentLabel | null;
  departments: DepartmentLabel[];
}

@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly slots: ExportSlots,
  ) {}

  /** Rejestr skarg i wniosków: every complaint received in the period, streamed from a cursor. */
  async complaintsRegister(actor: Actor, query: ExportQuery, format: 'xlsx' | 'csv'): Promise<ExportFile> {
    const context = await this.context(actor, query);
    // Taken first, so a refused download costs no query and records nothing; the snapshot gives it back.
    const release = this.slots.take();
    let snapshot: ExportSnapshot;
    let n: number;
    try {
      // Counted and recorded before the snapshot holds its connection: the embedded database has only one, and the
      // audit entry is written before the first byte. A complaint registered in between is in the file, not the count.
      const count = registerCountQuery(context.period, context.scope);
      [{ n }] = await this.db.manager.query<{ n: number }[]>(count.sql, count.params);
      await this.record(actor, 'complaints-register', format, context, n);
      snapshot = await ExportSnapshot.open(this.db, release);
    } catch (error) {
      release();
      throw error;
    }
    try {
      const { sql, params } = registerQuery(context.period, context.scope);
      async function* lines() {
        let lp = 0;
        for await (const row of snapshot.stream<RegisterRow>(sql, params)) yield registerLine(++lp, row);
      }
      const stream =
        format === 'csv'
          ? csvStream(
              REGISTER_COLUMNS.map((c) => c.header),
              async function* () {
                for await (const line of lines()) yield registerFields(line);
              },
            )
          : xlsxStream(
              [
                {
                  name: 'Rejestr skarg',
                  columns: REGISTER_COLUMNS,
                  title: [this.config.officeName, this.registerTitle(context)],
                  rows: async function* () {
                    for await (const line of lines()) yield registerCells(line);
                  },
                },
              ],
              { modified: this.clock.now(), creator: this.config.officeName },
            );
      return this.whileOpen(snapshot, {
        stream,
        filename: this.filename('rejestr-skarg', context, format),
        contentType: CONTENT_TYPES[format],
        rows: n,
      });
    } catch (error) {
      await snapshot.close();
      throw error;
    }
  }

  /** Counts for publication: nothing personal and no free text, small counts suppressed. */
  async publicStatistics(actor: Actor, query: ExportQuery, format: 'csv' | 'json'): Promise<ExportFile> {
    const context = await this.context(actor, query);
    // Read before the snapshot holds its connection (the embedded database has only one).
    const rootCauses = await selectRootCauseNames(this.db.manager);
    const snapshot = await ExportSnapshot.open(this.db);
    let stats: PublicStatistics;
    try {
      const { sql, params } = statisticsQuery(context.period, context.scope);
      const rows = await snapshot.query<StatisticsRow>(sql, params);
      stats = publicStatistics(rows, context.period, context.department, {
        office: this.config.officeName,
        departments: context.department ? [context.department] : context.departments,
        rootCauses,
      });
    } finally {
      await snapshot.close();
    }
    await this.record(actor, 'public-statistics', format, context);
    const filename = this.filename('statystyka-publiczna', context, format);
    if (format === 'csv') {
      return {
        stream: csvStream(STATISTICS_CSV_HEADER, () => statisticsCsvRows(stats)),
        filename,
        contentType: CONTENT_TYPES.csv,
      };
    }
    return {
      stream: Readable.from([JSON.stringify(stats, null, 2)]),
      filename,
      contentType: CONTENT_TYPES.json,
    };
  }

  private async context(actor: Actor, query: ExportQuery): Promise<ExportContext> {
    const period = exportPeriod(query);
    const scope = exportScope(actor.user, query);
    const departments = await selectDepartments(this.db.manager);
    const department = scope.departmentId ? (departments.find((d) => d.id === scope.departmentId) ?? null) : null;
    if (scope.departmentId && !department) {
      const text = { pl: 'Nie ma takiego wydziału.', en: 'No such department.' };
      throw new DomainError('VALIDATION_FAILED', text, { departmentId: [text] });
    }
    return { period, scope, department, departments };
  }

  private record(actor: Actor, kind: string, format: string, context: ExportContext, rows?: number): Promise<void> {
    return insertExportAudit(this.db.manager, actor, {
      kind,
      format,
      period: context.period,
      departmentId: context.scope.departmentId,
      ...(rows === undefined ? {} : { rows }),
    });
  }

  private registerTitle(context: ExportContext): string {
    const where = context.department ? `${context.department.symbol} – ${context.department.name}` : 'cały urząd';
    return `Rejestr skarg i wniosków, ${formatPeriod(context.period, 'pl')} (${where})`;
  }

  private filename(base: string, context: ExportContext, format: string): string {
    const dept = context.department ? `-${context.department.symbol}` : '';
    const { from, to } = context.period;
    const span = from.endsWith('-01-01') && to === `${from.slice(0, 4)}-12-31` ? from.slice(0, 4) : `${from}_${to}`;
    return `${base}${dept}-${span}.${format}`;
  }

  /** The snapshot lives until the file is done or abandoned, whichever comes first. */
  private whileOpen(snapshot: ExportSnapshot, file: ExportFile): ExportFile {
    file.stream.once('close', () => void snapshot.close());
    file.stream.once('end', () => void snapshot.close());
    return file;
  }
}
