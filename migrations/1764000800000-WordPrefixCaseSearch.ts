import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The letters folded, as libs/workflow/src/search-fold.ts had them when this migration was written (a migration
 * never changes, so they are copied, not imported). The API e2e test searches every one of them.
 */
const FROM = 'ĄĆĘŁŃÓŚŹŻąćęłńóśźżÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòôõöøùúûüýÿČĎĚŇŘŠŤŮŽčďěňřšťůžŐŰőű';
const TO = 'ACELNOSZZacelnoszzAAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyCDENRSTUZcdenrstuzOUou';
const FOLDED = `lower(translate(reference || ' ' || subject || ' ' || COALESCE(client_name, ''), '${FROM}', '${TO}'))`;

/**
 * The case list's search finds words by their beginning instead of any substring: `search_words` holds the folded
 * text's words (`to_tsvector('simple', …)`, built in, so PGlite serves it too) under a GIN index, and a search is
 * a prefix query (`'zielinsk':*`) per typed word. A trigram search for `%zielinska%` had to recheck every case
 * sharing its common trigrams (about 80 ms of PostgreSQL per search on the 1,000,000-case benchmark); the word index
 * names only the cases with such a word (docs/performance.md, 2 December 2026).
 *
 * The list's page walks a department in deadline order and keeps the cases whose words match; the words are also
 * in that walk's index (`INCLUDE`), so it reads no table rows for the cases it skips.
 */
export class WordPrefixCaseSearch1764000800000 implements MigrationInterface {
  name = 'WordPrefixCaseSearch1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_search_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN search_text`);
    await q.query(
      `ALTER TABLE cases ADD COLUMN search_words tsvector GENERATED ALWAYS AS (to_tsvector('simple', ${FOLDED})) STORED`,
    );
    await q.query(`CREATE INDEX cases_search_words_idx ON cases USING gin (search_words)`);
    await q.query(
      `CREATE INDEX cases_department_due_words_idx ON cases (department_id, due_sort, id) INCLUDE (search_words)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_department_due_words_idx`);
    await q.query(`DROP INDEX cases_search_words_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN search_words`);
    await q.query(`ALTER TABLE cases ADD COLUMN search_text text GENERATED ALWAYS AS (${FOLDED}) STORED`);
    await q.query(`CREATE INDEX cases_search_idx ON cases USING gin (search_text gin_trgm_ops)`);
  }
}
