import { Client } from 'pg';

/** Bumped whenever the seeded data changes shape, so an old benchmark database is seeded again. */
export const SEED_VERSION = 3;

const MARK = 'pu-bench ';

export interface SeedMarker {
  version: number;
  state: 'seeding' | 'ready';
  cases: number;
  promises: number;
  seededAt?: string;
  seconds?: number;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'pu-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The benchmark database carries a marker in its comment: whether seeding finished and at what size. Only a
 * database with the marker is ever dropped, so a mistyped --database cannot destroy someone's data. The audit
 * log is append-only (a trigger forbids DELETE and TRUNCATE), so a reseed drops the whole database.
 */
export async function prepareDatabase(
  serverUrl: string,
  database: string,
  wanted: { cases: number; promises: number; reseed: boolean },
): Promise<{ seedNeeded: boolean; marker: SeedMarker | null }> {
  const serverDb = new URL(serverUrl).pathname.replace(/^\//, '') || 'postgres';
  if (database === serverDb || ['postgres', 'template0', 'template1'].includes(database)) {
    throw new Error(
      `Refusing to use "${database}" for the benchmark: choose a dedicated database (--database / BENCH_DATABASE).`,
    );
  }
  return withClient(serverUrl, async (admin) => {
    const rows = (
      await admin.query<{ comment: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
        [database],
      )
    ).rows;
    const exists = rows.length > 0;
    const marker = exists ? parseMarker(rows[0].comment) : null;
    if (exists && !marker) {
      const tables = await withClient(databaseUrl(serverUrl, database), async (c) =>
        Number(
          (await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n,
        ),
      );
      if (tables > 0) {
        throw new Error(
          `Database "${database}" exists but was not created by this benchmark; drop it yourself or choose another name with --database.`,
        );
      }
    }
    const ready =
      marker?.state === 'ready' &&
      marker.version === SEED_VERSION &&
      marker.cases === wanted.cases &&
      marker.promises === wanted.promises;
    if (ready && !wanted.reseed) return { seedNeeded: false, marker };
    if (exists) {
      const why = wanted.reseed
        ? '--reseed'
        : marker?.state !== 'ready'
          ? 'an earlier seeding did not finish'
          : `it holds a different seed (${marker.cases} cases, ${marker.promises} promises, v${marker.version})`;
      console.log(`Dropping database ${database} (${why})`);
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    }
    console.log(`Creating database ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await writeMarker(admin, database, {
      version: SEED_VERSION,
      state: 'seeding',
      cases: wanted.cases,
      promises: wanted.promises,
    });
    return { seedNeeded: true, marker: null };
  });
}

export async function writeMarker(client: Client, database: string, marker: SeedMarker): Promise<void> {
  const text = MARK + JSON.stringify(marker);
  await client.query(`COMMENT ON DATABASE ${database} IS '${text.replace(/'/g, "''")}'`);
}

function parseMarker(comment: string | null): SeedMarker | null {
  if (!comment?.startsWith(MARK)) return null;
  try {
    return JSON.parse(comment.slice(MARK.length)) as SeedMarker;
  } catch {
    return null;
  }
}
