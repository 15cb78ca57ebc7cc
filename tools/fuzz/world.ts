import { hostileValue } from './hostile';
import { type Outcome, send, Session, signIn } from './http';
import type { Operation } from './openapi';
import type { Random } from './random';

export const DEMO_PASSWORD = 'Demo-haslo-2026';
/** Who the fuzzer is: the demo office's users (README) and nobody at all. */
export const IDENTITIES: Record<string, string | null> = {
  nobody: null,
  clerk: 'urzednik',
  manager: 'kierownik',
  quality: 'jakosc',
  admin: 'admin',
};

interface Field {
  id: string;
  type: string;
  required: boolean;
  maxLength?: number;
  options?: { value: string }[];
}
type Pool = Map<string, number>;
type Json = Record<string, unknown>;

const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v);

/**
 * What the fuzzer knows of the API's data: ids and versions it has been handed (so a share of requests reaches
 * past the 404 into validation and storage), the cursors and idempotency keys it has seen, and one signed-in
 * session per role.
 */
export class World {
  private readonly sessions = new Map<string, Session>();
  private readonly pools: Record<'cases' | 'promises' | 'users' | 'departments' | 'registers', Pool> = {
    cases: new Map(),
    promises: new Map(),
    users: new Map(),
    departments: new Map(),
    registers: new Map(),
  };
  /** The fuzzer's own users and their departments, which an administrator's change could sign out. */
  private readonly protectedUsers = new Set<string>();
  private readonly protectedDepartments = new Set<string>();
  private readonly fields = new Map<string, Field[]>();
  private readonly cursors: string[] = [];
  private readonly keys: string[] = [];
  private stepIds: string[] = [];
  private lastId: { pool: keyof World['pools']; id: string } | null = null;
  lastStepId: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async setUp(): Promise<void> {
    for (const [name, username] of Object.entries(IDENTITIES)) {
      const session = new Session(name, username);
      await signIn(this.baseUrl, session, DEMO_PASSWORD);
      this.sessions.set(name, session);
      if (username) {
        const me = await this.getJson(name, '/api/auth/me');
        if (isUuid(me?.['id'])) this.protectedUsers.add(me['id']);
        const department = (me?.['department'] as Json | undefined)?.['id'];
        if (isUuid(department)) this.protectedDepartments.add(department);
      }
    }
    type Workflow = { steps: { id: string; fields: Field[] }[] };
    const listed = (await this.getJson('clerk', '/api/workflows'))?.['workflows'] as
      Record<string, Workflow> | undefined;
    for (const wf of Object.values(listed ?? {}))
      for (const step of wf.steps) if (!this.fields.has(step.id)) this.fields.set(step.id, step.fields);
    this.stepIds = [...this.fields.keys()];
    for (const [who, path] of [
      ['admin', '/api/admin/users'],
      ['admin', '/api/admin/departments'],
      ['admin', '/api/admin/case-registers'],
      ['quality', '/api/cases?limit=100'],
      ['manager', '/api/promises?scope=department&state=any'],
    ] as const) {
      const res = await send(this.baseUrl, { method: 'GET', path, headers: this.baseHeaders(who) });
      this.learn(path.split('?')[0], res);
    }
  }

  session(who: string): Session {
    const s = this.sessions.get(who);
    if (!s) throw new Error(`no session ${who}`);
    return s;
  }

  /**
   * Who may send a request to `op`. Signing out is sent as nobody only: a role signed out would have to sign
   * in again, and the fuzzer's own failed sign-ins soon throttle every sign-in from its address.
   */
  allIdentities(): string[] {
    return [...this.sessions.keys()];
  }

  identitiesFor(op: Operation): string[] {
    return op.key === 'POST /api/auth/logout' ? ['nobody'] : this.allIdentities();
  }

  /** A session the API ended (the fuzzer signed itself out, or an administrator reset that user): sign in again. */
  async recover(who: string): Promise<void> {
    const username = IDENTITIES[who];
    if (!username) return;
    const fresh = new Session(who, username);
    try {
      await signIn(this.baseUrl, fresh, DEMO_PASSWORD);
      this.sessions.set(who, fresh);
    } catch {
      // Throttled or disabled: carry on with the signed-out session; its answers are counted all the same.
    }
  }

  stepFields(stepId: string): Field[] {
    return this.fields.get(stepId) ?? [];
  }

  private pick(rng: Random, pool: Pool, exclude?: Set<string>): string {
    const ids = [...pool.keys()].filter((id) => !exclude?.has(id));
    return ids.length ? rng.pick(ids) : rng.uuid();
  }

  idFor(rng: Random, field: string): string {
    if (!rng.chance(0.85)) return rng.uuid();
    if (/department/i.test(field)) return this.pick(rng, this.pools.departments);
    if (/assignee|user/i.test(field)) return this.pick(rng, this.pools.users);
    if (/case/i.test(field)) return this.pick(rng, this.pools.cases);
    return rng.uuid();
  }

  pathParam(rng: Random, op: Operation, param: string): string {
    if (param === 'stepId') {
      this.lastStepId = rng.chance(0.95) && this.stepIds.length ? rng.pick(this.stepIds) : String(hostileValue(rng));
      return this.lastStepId;
    }
    const pool = poolOf(op.path);
    if (!pool) return rng.uuid();
    // An administrator's change to a signed-in user would end the session the fuzzer works with.
    const exclude =
      op.method === 'GET'
        ? undefined
        : { users: this.protectedUsers, departments: this.protectedDepartments }[pool as 'users'];
    const id = this.pick(rng, this.pools[pool], exclude);
    this.lastId = { pool, id };
    return id;
  }

  ifMatch(rng: Random, op: Operation): string {
    const pool = poolOf(op.path);
    const known = this.lastId && this.lastId.pool === pool ? this.pools[pool].get(this.lastId.id) : undefined;
    const version = known !== undefined && rng.chance(0.85) ? known : rng.int(0, 5);
    return rng.chance(0.95) ? `"${version}"` : `W/"${version}"`;
  }

  idempotencyKey(rng: Random): string {
    if (this.keys.length && rng.chance(0.3)) return rng.pick(this.keys);
    const key = `fuzz-${rng.uuid()}`;
    this.keys.push(key);
    if (this.keys.length > 50) this.keys.shift();
    return key;
  }

  cursor(rng: Random): string {
    return this.cursors.length ? rng.pick(this.cursors) : this.forgedCursor(rng);
  }

  /** The list cursor's shape (base64url JSON of [sort, key, id]) holding parts of the wrong type or form. */
  forgedCursor(rng: Random): string {
    const sort = () => rng.pick(['deadline', '-deadline', 'received', '-received', 'x']);
    const key = () =>
      rng.pick([
        '2026-11-30T08:00:00.000000Z',
        '9999-12-31T00:00:00.000000Z',
        '2026-W48-1',
        'abc',
        '2026-02-30T00:00:00.000000Z',
      ]);
    const id = () => rng.pick([rng.uuid(), 'z'.repeat(36), '-'.repeat(36), `${'0'.repeat(35)}\u0000`]);
    const part = () =>
      rng.weighted<unknown>([
        [2, sort],
        [2, key],
        [2, id],
        [2, () => hostileValue(rng)],
      ]);
    const value = rng.weighted<unknown>([
      [4, () => [sort(), key(), id()]],
      [2, () => Array.from({ length: rng.int(0, 5) }, part)],
      [1, () => hostileValue(rng)],
    ]);
    return Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url');
  }

  baseHeaders(who: string): Record<string, string> {
    const cookie = this.session(who).cookieHeader();
    return cookie ? { cookie, accept: 'application/json' } : { accept: 'application/json' };
  }

  private async getJson(who: string, path: string): Promise<Json | null> {
    const res = await send(this.baseUrl, { method: 'GET', path, headers: this.baseHeaders(who) });
    if (res.kind !== 'answered' || res.status !== 200) return null;
    return JSON.parse(res.body) as Json;
  }

  /** Remembers the ids, versions and cursors an answer hands out. */
  learn(path: string, outcome: Outcome): void {
    if (outcome.kind !== 'answered' || outcome.status >= 300) return;
    let body: unknown;
    try {
      body = JSON.parse(outcome.body);
    } catch {
      return;
    }
    const pool = poolOf(path);
    if (!pool) return;
    const take = (item: unknown) => {
      const o = item as Json | null;
      if (!o || typeof o !== 'object' || typeof o['version'] !== 'number') return;
      const key = pool === 'registers' ? o['kind'] : o['id'];
      if (typeof key !== 'string') return;
      // A promise answered under a case path belongs to the promises.
      const target = pool === 'cases' && /\/promises/.test(path) ? 'promises' : pool;
      this.pools[target].set(key, o['version']);
      if (this.pools[target].size > 400) this.pools[target].delete(this.pools[target].keys().next().value as string);
    };
    if (Array.isArray(body)) body.forEach(take);
    else if (body && typeof body === 'object') {
      const page = body as { items?: unknown[]; nextCursor?: unknown };
      if (Array.isArray(page.items)) page.items.forEach(take);
      else take(body);
      if (typeof page.nextCursor === 'string') {
        this.cursors.push(page.nextCursor);
        if (this.cursors.length > 50) this.cursors.shift();
      }
    }
  }
}

function poolOf(path: string): 'cases' | 'promises' | 'users' | 'departments' | 'registers' | null {
  if (path.startsWith('/api/cases')) return 'cases';
  if (path.startsWith('/api/promises')) return 'promises';
  if (path.startsWith('/api/admin/users')) return 'users';
  if (path.startsWith('/api/admin/departments') || path.startsWith('/api/departments')) return 'departments';
  if (path.startsWith('/api/admin/case-registers')) return 'registers';
  return null;
}
