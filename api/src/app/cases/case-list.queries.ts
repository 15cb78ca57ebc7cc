import type { CaseListItem, CasePage, CaseSort, CaseStatus, CaseTotal } from '@pu/contracts';
import { CASE_LIST_COUNT_CAP, CASE_SEARCH_COUNT_CAP } from '@pu/contracts';
import { dueSoonUntil, idleBefore, looksLikeReference, searchQueryFor } from '@pu/workflow';
import type { EntityManager } from 'typeorm';
import type { SessionUser } from '../auth/session-user';
import type { PreparedQueries } from '../database/prepared-queries';
import type { CaseListQueryDto } from './dto/case-list-query.dto';
import { decodeCursor, encodeCursor } from './case-cursor';
import { toCaseListItem, type ListItemSource } from './case-mapper';

/**
 * Timestamps leave PostgreSQL already as the ISO text the API answers with: parsing 50 of them into `Date`s
 * and formatting them again was a measurable share of a list request (docs/performance.md).
 */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const LIST_COLUMNS = `c.id, c.kind, c.reference, c.subject, c.channel, ${isoText('c.received_at')} AS received_at,
  c.client_name, c.client_accommodation, c.department_id, d.symbol AS department_symbol, d.name AS department_name,
  c.assignee_id, a.display_name AS assignee_name, c.current_step, c.status, ${isoText('c.due_at')} AS due_at, c.outcome,
  c.version`;
const LIST_JOINS = `JOIN departments d ON d.id = c.department_id LEFT JOIN users a ON a.id = c.assignee_id`;
/** The cursor's key: the sort column as fixed-width UTC text, which orders as the column does. */
const sortKeyOf = (column: string) =>
  `to_char(c.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key`;
/** Only the UNION of two scopes needs the sort columns themselves, for its outer ORDER BY. */
const UNION_SORT_COLUMNS = `c.due_sort, c.received_at AS received_sort`;

const SORTS: Record<
  CaseSort,
  { column: 'due_sort' | 'received_at'; outer: 'due_sort' | 'received_sort'; desc: boolean }
> = {
  deadline: { column: 'due_sort', outer: 'due_sort', desc: false },
  '-deadline': { column: 'due_sort', outer: 'due_sort', desc: true },
  received: { column: 'received_at', outer: 'received_sort', desc: false },
  '-received': { column: 'received_at', outer: 'received_sort', desc: true },
};

const DEFAULT_LIMIT = 25;

/**
 * The status as a literal from this closed list, not a parameter: the open cases' indexes are partial
 * (`WHERE status = 'open'`), and a reusable plan can use them only when the statement itself says 'open'.
 */
const STATUS_LITERALS: Record<CaseStatus, string> = { open: `'open'`, closed: `'closed'` };

/**
 * How many entries of a department's deadline walk a search's first page checks for its words in one reusable
 * statement; a term with fewer matches there goes to the planner (docs/performance.md, "the everyday search as a reusable
 * statement").
 */
export const SEARCH_WALK_BOUND = 5000;
/** The list's query fields that the bounded walk serves; any other leaves the search to the planner. */
const BOUNDED_WALK_FIELDS = new Set(['q', 'departmentId', 'status', 'sort', 'limit']);

/** A list row: timestamps as ISO text (see isoText), plus the cursor's sort key. */
type ListRow = ListItemSource & { received_at: string; due_at: string | null; sort_key: string };

/**
 * A row limit written into the statement, not bound: a reusable plan cannot know a bound LIMIT, assumes a tenth of
 * the rows and costs its sorts for them, so PostgreSQL judged it dearer than planning anew and re-planned the list
 * on every request (0.8 ms; docs/performance.md). Limits come from a validated integer or a constant, so the
 * statements stay few (one per page size).
 */
export function limitLiteral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Not a row limit: ${n}`);
  return String(n);
}

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The list's conditions besides the scope; the page adds its cursor, the count does not. */
export function filtersFor(q: CaseListQueryDto, p: Params, now: Date): string[] {
  const filters: string[] = [];
  const term = q.q?.trim() ?? '';
  const status: string[] = [];
  if (q.status) status.push(`c.status = ${STATUS_LITERALS[q.status]}`);
  // "Now" is the API's clock, as for every other rule by time: the dashboard counts with the same instant.
  if (q.overdue !== undefined) {
    const overdue = `c.status = 'open' AND c.due_sort < ${p.add(now)}::timestamptz`;
    status.push(q.overdue ? overdue : `NOT (${overdue})`);
  }
  if (status.length && looksLikeReference(term))
    filters.push(`(${status.join(' AND ')} OR upper(c.reference) = ${p.add(term.toUpperCase())})`);
  else filters.push(...status);
  if (q.kind) filters.push(`c.kind = ${p.add(q.kind)}`);
  // The dashboard's thresholds, computed from the Polish calendar in @pu/workflow and bound as parameters.
  if (q.dueWithinWorkingDays !== undefined) {
    const from = p.add(now);
    const until = p.add(dueSoonUntil(now, q.dueWithinWorkingDays));
    filters.push(`c.status = 'open' AND c.due_sort >= ${from}::timestamptz AND c.due_sort <= ${until}::timestamptz`);
  }
  if (q.idleDays !== undefined) {
    filters.push(
      `c.status = 'open' AND COALESCE(c.last_activity_at, c.created_at) < ${p.add(idleBefore(now, q.idleDays))}::timestamptz`,
    );
  }
  if (q.unassigned === true) filters.push(`c.assignee_id IS NULL`);
  if (q.unassigned === false) filters.push(`c.assignee_id IS NOT NULL`);
  if (q.dueBefore) filters.push(`c.due_sort < ${p.add(q.dueBefore)}::timestamptz`);
  if (term) {
    // A term with no word in it (only punctuation) matches no case's words.
    const words = searchQueryFor(term);
    filters.push(words ? `c.search_words @@ to_tsquery('simple', ${p.add(words)})` : 'FALSE');
  }
  return filters;
}

/**
 * One SQL statement per page, keyset-paginated so page 1,000 costs what page 1 does. A clerk's scope
 * (their department OR cases assigned to them) is an OR that no index serves in order, so it becomes two
 * ordered index scans merged by a UNION ALL, each stopping after one page.
 */
function buildCaseListQuery(
  user: SessionUser,
  q: CaseListQueryDto,
  now: Date,
  p: Params = new Params(),
): { sql: string; params: unknown[] } {
  const sortName = q.sort ?? 'deadline';
  const sort = SORTS[sortName];
  const limit = q.limit ?? DEFAULT_LIMIT;
  // A search's first page fetches its capped total too (see totalFromFirstPage).
  const counted = totalFromFirstPage(q);
  const fetch = (counted ? searchCountCap(limit) : limit) + 1;
  const dir = sort.desc ? 'DESC' : 'ASC';
  const filters = filtersFor(q, p, now);
  if (q.cursor) {
    const { key, id } = decodeCursor(q.cursor, sortName);
    filters.push(`(c.${sort.column}, c.id) ${sort.desc ? '<' : '>'} (${p.add(key)}::timestamptz, ${p.add(id)}::uuid)`);
  }

  const scopes = scopesFor(user, q, p);
  const lim = limitLiteral(fetch);
  const sortKey = sortKeyOf(sort.column);
  const columns = scopes.length > 1 ? `${LIST_COLUMNS}, ${UNION_SORT_COLUMNS}` : LIST_COLUMNS;
  const order = `ORDER BY c.${sort.column} ${dir}, c.id ${dir} LIMIT ${lim}`;
  // A search first finds the page's ids alone, so the walk in deadline order can be an index-only scan of
  // cases_department_due_words_idx that checks each case's words in the index and reads only the page's rows.
  const searching = !!q.q?.trim();
  const selects = scopes.map((scope) =>
    searching
      ? `(SELECT ${columns}, ${sortKey} FROM (SELECT c.id FROM cases c WHERE ${[scope, ...filters].join(' AND ')} ${order}) m
          JOIN cases c ON c.id = m.id ${LIST_JOINS} ${order})`
      : `(SELECT ${columns}, ${sortKey} FROM cases c ${LIST_JOINS}
        WHERE ${[scope, ...filters].join(' AND ')} ${order})`,
  );
  const sql =
    selects.length === 1
      ? selects[0]
      : `SELECT * FROM (${selects.join(' UNION ALL ')}) x ORDER BY x.${sort.outer} ${dir}, x.id ${dir} LIMIT ${lim}`;
  return { sql, params: p.values };
}

/**
 * The SPA's everyday search — a department's open (or all) cases by deadline, a few words typed — as one statement
 * that is planned once per connection: the first SEARCH_WALK_BOUND entries of the department's deadline index that
 * carries the words, checked in the index, then the first matches. Planning a search for its words took as long as
 * running it. When the walk finds fewer matches than the page and its count need, more may lie beyond the bound:
 * the caller then runs the planned search, which for a rare word reads the word index instead. The words' query is
 * a sub-select so that it is parsed once per execution, not once per entry (a reusable plan cannot fold it).
 */
function buildBoundedSearchQuery(
  user: SessionUser,
  q: CaseListQueryDto,
): { sql: string; params: unknown[]; fetch: number } | null {
  const term = q.q?.trim() ?? '';
  const words = searchQueryFor(term);
  const fields = Object.entries(q).filter(([, v]) => v !== undefined);
  const sortName = q.sort ?? 'deadline';
  if (!words || looksLikeReference(term) || !q.departmentId) return null;
  if (fields.some(([k]) => !BOUNDED_WALK_FIELDS.has(k)) || (q.status && q.status !== 'open')) return null;
  if (SORTS[sortName].column !== 'due_sort') return null;
  const p = new Params();
  const scopes = scopesFor(user, q, p);
  if (scopes.length !== 1) return null;
  const dir = SORTS[sortName].desc ? 'DESC' : 'ASC';
  const fetch = searchCountCap(q.limit ?? DEFAULT_LIMIT) + 1;
  const status = q.status ? [`c.status = ${STATUS_LITERALS[q.status]}`] : [];
  const walk = `SELECT c.id, c.due_sort, c.search_words FROM cases c WHERE ${[scopes[0], ...status].join(' AND ')}
    ORDER BY c.due_sort ${dir}, c.id ${dir} LIMIT ${limitLiteral(SEARCH_WALK_BOUND)}`;
  const tsquery = `(SELECT to_tsquery('simple', ${p.add(words)}))`;
  const lim = limitLiteral(fetch);
  const matches = `SELECT w.id FROM (${walk}) w WHERE w.search_words @@ ${tsquery}
    ORDER BY w.due_sort ${dir}, w.id ${dir} LIMIT ${lim}`;
  const sql = `SELECT ${LIST_COLUMNS}, ${sortKeyOf('due_sort')} FROM (${matches}) m JOIN cases c ON c.id = m.id
    ${LIST_JOINS} ORDER BY c.due_sort ${dir}, c.id ${dir} LIMIT ${lim}`;
  return { sql, params: p.values, fetch };
}

/**
 * A search's first page walks the matches in the page's order anyway, so it fetches up to the search cap + 1 of
 * them and the total is how many came back: one walk instead of the page's and then the count's, which walked
 * further (docs/performance.md, 2 December 2026). A later page's cursor narrows its walk, so it counts apart.
 */
function totalFromFirstPage(q: CaseListQueryDto): boolean {
  return !!q.q?.trim() && !q.cursor;
}

/** A page longer than the search cap is counted to its own length, so every page of it reports the same total. */
function searchCountCap(limit: number): number {
  return Math.max(limit, CASE_SEARCH_COUNT_CAP);
}

/**
 * How many cases the filters match, counted up to a cap + 1: each scope stops after that many rows, so a filter
 * matching 200,000 cases costs what one matching a thousand does, and the answer is "more than N".
 *
 * A text search counts to a lower cap: a department's cases are walked in the index that holds their words
 * (index-only) until the cap is passed, or, for a rare word, the word index names the few cases that have it
 * (measured in docs/performance.md).
 */
function buildCaseCountQuery(
  user: SessionUser,
  q: CaseListQueryDto,
  now: Date,
  p: Params = new Params(),
): { sql: string; params: unknown[]; cap: number } {
  const filters = filtersFor(q, p, now);
  const searching = !!q.q?.trim();
  const cap = searching ? searchCountCap(q.limit ?? DEFAULT_LIMIT) : CASE_LIST_COUNT_CAP;
  const scopes = scopesFor(user, q, p);
  const lim = limitLiteral(cap + 1);
  const selects = scopes.map(
    (scope) => `(SELECT 1 FROM cases c WHERE ${[scope, ...filters].join(' AND ')} LIMIT ${lim})`,
  );
  return { sql: `SELECT count(*)::int AS n FROM (${selects.join(' UNION ALL ')}) x`, params: p.values, cap };
}

/** The row sets a user may list, as disjoint conditions (each served by one index). */
export function scopesFor(user: SessionUser, q: CaseListQueryDto, p: Params): string[] {
  const dept = q.departmentId ? `c.department_id = ${p.add(q.departmentId)}` : null;
  const assignee = q.assigneeId ? `c.assignee_id = ${p.add(q.assigneeId)}` : null;
  const and = (...parts: (string | null)[]) => parts.filter(Boolean).join(' AND ') || 'TRUE';
  if (user.role === 'quality') return [and(dept, assignee)];
  // Filters that already fall inside one half of the scope need only that half.
  if (q.departmentId === user.department.id) return [and(dept, assignee)];
  // Nobody's cases are never "assigned to me": only the department's half can hold them.
  // (Every parameter added above must appear: a placeholder PostgreSQL cannot type fails the statement.)
  if (q.unassigned === true) return [and(`c.department_id = ${p.add(user.department.id)}`, dept, assignee)];
  if (q.assigneeId === user.id) return [and(assignee, dept)];
  const own = p.add(user.department.id);
  const me = p.add(user.id);
  return [
    and(`c.department_id = ${own}`, dept, assignee),
    and(`c.assignee_id = ${me}`, `c.department_id <> ${own}`, dept, assignee),
  ];
}

/** One page of the list (and one row more, to tell whether there is a next page). */
export async function selectCaseList(
  db: EntityManager,
  prepared: PreparedQueries,
  user: SessionUser,
  q: CaseListQueryDto,
  now: Date,
): Promise<{ rows: ListRow[]; limit: number; sortName: CaseSort; total: CaseTotal }> {
  const limit = q.limit ?? DEFAULT_LIMIT;
  const sortName = q.sort ?? 'deadline';
  const capped = (n: number, cap: number): CaseTotal =>
    n > cap ? { count: cap, exact: false } : { count: n, exact: true };
  const bounded = prepared.preparing ? buildBoundedSearchQuery(user, q) : null;
  if (bounded) {
    const found = await prepared.query<ListRow>(bounded.sql, bounded.params);
    // Every match the page and its count need lies within the walk: these are the first of them, in order.
    if (found.length >= bounded.fetch)
      return { rows: found, limit, sortName, total: capped(found.length, searchCountCap(limit)) };
  }
  // Any other text search is planned for its own words (a generic plan cannot judge how many cases have them).
  const run = <Row>(text: string, values: unknown[]): Promise<Row[]> =>
    q.q ? db.query(text, values) : prepared.query<Row>(text, values);
  if (totalFromFirstPage(q)) {
    const { sql, params } = buildCaseListQuery(user, q, now);
    const rows = await run<ListRow>(sql, params);
    return { rows, limit, sortName, total: capped(rows.length, searchCountCap(limit)) };
  }
  // The page and its count in one statement: one round trip and one plan instead of two (docs/performance.md).
  const p = new Params();
  const page = buildCaseListQuery(user, q, now, p);
  const count = buildCaseCountQuery(user, q, now, p);
  const dir = SORTS[sortName].desc ? 'DESC' : 'ASC';
  // sort_key orders as the sort column does (sortKeyOf).
  const both = `SELECT p.*, (${count.sql}) AS total_n FROM (${page.sql}) p ORDER BY p.sort_key ${dir}, p.id ${dir}`;
  const rows = await run<ListRow & { total_n: number }>(both, p.values);
  if (rows.length > 0) return { rows, limit, sortName, total: capped(rows[0].total_n, count.cap) };
  // An empty first page has nothing to count; past the last page (a stale cursor) the count runs alone.
  if (!q.cursor) return { rows, limit, sortName, total: { count: 0, exact: true } };
  const alone = buildCaseCountQuery(user, q, now);
  const [{ n }] = await run<{ n: number }>(alone.sql, alone.params);
  return { rows, limit, sortName, total: capped(n, alone.cap) };
}

export function toCasePage(rows: ListRow[], limit: number, sort: CaseSort, total: CaseTotal, now: Date): CasePage {
  const page = rows.slice(0, limit);
  const items: CaseListItem[] = page.map((r) => toCaseListItem(r, now));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit ? encodeCursor(sort, last.sort_key, last.id) : null, total };
}
