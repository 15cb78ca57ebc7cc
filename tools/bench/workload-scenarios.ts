import type { AppProcess, CapturedStatement } from './app-process';
import { withClient } from './database';
import { getJson, type HttpSession } from './http-session';
import type { RunResult, Statement } from './load';

/** The case list with the dashboard's filters must keep the list's target (p95 ≤ 50 ms at 50 connections). */
export const WORKLOAD_LIST_P95_MS = 50;

export interface WorkloadBench {
  app: AppProcess;
  benchUrl: string;
  departmentId: string;
  session: HttpSession;
  dashboardConnections: number;
  http: (name: string, url: string, extra?: { connections?: number }) => Promise<RunResult>;
  explain: (what: string, statements: Statement[]) => Promise<void>;
  listStatements: (captured: CapturedStatement[]) => Statement[];
}

/**
 * The lists a dashboard number leads to (due within 3 working days, idle for 7 days, one person's overdue cases,
 * the unassigned cases) and the dashboard itself, each after the plan of its statements: these filters add
 * conditions the first-page scenario does not have, so their plans are shown and their latency measured.
 */
export async function runWorkloadScenarios(b: WorkloadBench): Promise<RunResult[]> {
  const assigneeId = await withClient(b.benchUrl, async (db) => {
    const rows = await db.query<{ assignee_id: string }>(
      `SELECT assignee_id FROM cases WHERE department_id = $1 AND status = 'open' AND assignee_id IS NOT NULL
        GROUP BY assignee_id ORDER BY count(*) DESC LIMIT 1`,
      [b.departmentId],
    );
    return rows.rows[0]?.assignee_id;
  });
  // As the SPA asks: the open cases (its status filter's default).
  const base = `${b.app.baseUrl}/api/cases?departmentId=${b.departmentId}&status=open&sort=deadline&limit=25`;
  const lists: [string, string][] = [
    ['list, due ≤ 3 working days', `${base}&dueWithinWorkingDays=3`],
    ['list, idle 7 days', `${base}&idleDays=7`],
    ['list, unassigned', `${base}&unassigned=true`],
    ...(assigneeId
      ? ([['list, one person overdue', `${base}&assigneeId=${assigneeId}&overdue=true`]] as [string, string][])
      : []),
  ];
  const dashboardUrl = `${b.app.baseUrl}/api/dashboard`;
  for (const [name, url] of [...lists, ['dashboard', dashboardUrl] as [string, string]]) {
    const probe = await getJson<unknown>(url, b.session);
    if (probe.status !== 200) throw new Error(`${name}: GET ${url} answered HTTP ${probe.status}`);
    const captured = await b.app.capture(async () => void (await getJson(url, b.session)));
    const statements = b.listStatements(captured);
    console.log(`\n${name}: ${captured.length} statements per request (${statements.length} on cases or promises)`);
    await b.explain(name, statements);
  }
  const results: RunResult[] = [];
  for (const [name, url] of lists) results.push(await b.http(name, url));
  results.push(await b.http('dashboard', dashboardUrl, { connections: b.dashboardConnections }));
  return results;
}
