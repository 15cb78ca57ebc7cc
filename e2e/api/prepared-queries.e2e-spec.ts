import { DataSource } from 'typeorm';
import { PreparedQueries } from '../../api/src/app/database/prepared-queries';
import { describeIf } from './support/describe-if';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The adapter that runs hot read statements as named prepared statements, against the real database. One
 * connection in the pool, so the statements prepared on it can be seen from the same session.
 */
// The embedded database runs unprepared (DB_PREPARED_STATEMENTS is off there): PGlite's socket server drops the
// connection after a failed named statement, so this adapter is tested on a server only.
const describeOnServer = describeIf(
  process.env['E2E_EMBEDDED'] !== '1',
  'Named prepared statements are used on a PostgreSQL server only (set DATABASE_URL): the embedded PGlite runs unprepared',
);

describeOnServer('Prepared statements', () => {
  const TEXT = `SELECT $1::int AS n, $2::timestamptz AS at, $3::text AS word, $4::uuid[] AS ids`;
  const VALUES = [7, new Date('2026-03-02T09:00:00Z'), 'zażółć', ['00000000-0000-4000-8000-000000000001']];

  const preparedOn = async (t: TestApp, name: string): Promise<string[]> => {
    const rows = await t.app
      .get(DataSource)
      .query<{ statement: string }[]>(`SELECT statement FROM pg_prepared_statements WHERE name = $1`, [name]);
    return rows.map((r) => r.statement);
  };

  describe('on', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ DB_POOL_SIZE: '1', DB_PREPARED_STATEMENTS: 'true', SESSION_CACHE: 'false' });
    });
    afterAll(() => t.close());

    it('prepares a statement once, under a name that follows from its text, and answers as TypeORM does', async () => {
      const prepared = t.app.get(PreparedQueries);
      expect(prepared.preparing).toBe(true);
      const name = prepared.nameOf(TEXT);
      expect(name).not.toBe(prepared.nameOf(`${TEXT} `));
      const first = await prepared.query(TEXT, VALUES);
      const again = await prepared.query(TEXT, VALUES);
      expect(await preparedOn(t, name)).toEqual([TEXT]);
      expect(again).toEqual(first);
      expect(first).toEqual(await t.app.get(DataSource).query(TEXT, VALUES));
      expect(first).toEqual([{ n: 7, at: VALUES[1], word: 'zażółć', ids: VALUES[3] }]);
    });

    it('reports a bad statement as the database does, and keeps working', async () => {
      const prepared = t.app.get(PreparedQueries);
      await expect(prepared.query(`SELECT nothing_here FROM sessions WHERE token_hash = $1`, ['x'])).rejects.toThrow(
        /nothing_here/,
      );
      expect(await prepared.query(`SELECT $1::int AS n`, [1])).toEqual([{ n: 1 }]);
    });
  });

  describe('off', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ DB_POOL_SIZE: '1', DB_PREPARED_STATEMENTS: 'false' });
    });
    afterAll(() => t.close());

    it('runs the statement unnamed, with the same answer', async () => {
      const prepared = t.app.get(PreparedQueries);
      expect(prepared.preparing).toBe(false);
      expect(await prepared.query(TEXT, VALUES)).toEqual([{ n: 7, at: VALUES[1], word: 'zażółć', ids: VALUES[3] }]);
      expect(await preparedOn(t, prepared.nameOf(TEXT))).toEqual([]);
    });
  });
});
