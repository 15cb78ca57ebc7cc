import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The letters folded, as libs/workflow/src/search-fold.ts had them when this migration was written (a migration
 * never changes, so they are copied, not imported). The API e2e test searches every one of them.
 */
const FROM = 'ĄĆĘŁŃÓŚŹŻąćęłńóśźżÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòôõöøùúûüýÿČĎĚŇŘŠŤŮŽčďěňřšťůžŐŰőű';
const TO = 'ACELNOSZZacelnoszzAAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyCDENRSTUZcdenrstuzOUou';

/**
 * The case list's search ignores diacritics as well as case: `search_text` becomes the folded text
 * (`translate` then `lower`, both immutable built-ins, so no extension beyond pg_trgm is needed and PGlite serves
 * it too), with its trigram index rebuilt over it.
 */
export class FoldCaseSearchText1764000600000 implements MigrationInterface {
  name = 'FoldCaseSearchText1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_search_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN search_text`);
    await q.query(`ALTER TABLE cases ADD COLUMN search_text text GENERATED ALWAYS AS
      (lower(translate(reference || ' ' || subject || ' ' || COALESCE(client_name, ''), '${FROM}', '${TO}'))) STORED`);
    await q.query(`CREATE INDEX cases_search_idx ON cases USING gin (search_text gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_search_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN search_text`);
    await q.query(`ALTER TABLE cases ADD COLUMN search_text text GENERATED ALWAYS AS
      (lower(reference || ' ' || subject || ' ' || COALESCE(client_name, ''))) STORED`);
    await q.query(`CREATE INDEX cases_search_idx ON cases USING gin (search_text gin_trgm_ops)`);
  }
}
