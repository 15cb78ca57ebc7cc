import type { Client } from 'pg';

/** The login the API e2e tests serve requests as when only an owner's DATABASE_URL is given. */
export const E2E_RUNTIME_LOGIN = { name: 'pu_e2e_runtime', password: 'pu-e2e-runtime' } as const;

/**
 * Creates `pu_runtime` (the group role the migrations grant to) and the test login in it, unless they exist.
 * Roles belong to the whole server, and other runs may create them at the same moment: "already exists" is fine.
 */
export async function ensureRuntimeLogin(admin: Client): Promise<void> {
  const { name, password } = E2E_RUNTIME_LOGIN;
  const statements = [
    `CREATE ROLE pu_runtime NOLOGIN`,
    `CREATE ROLE ${name} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE`,
    `GRANT pu_runtime TO ${name}`,
  ];
  for (const sql of statements) {
    await admin.query(sql).catch((e: { code?: string }) => {
      // 42710 duplicate_object; 23505 when a concurrent CREATE ROLE won the race on pg_authid.
      if (e.code !== '42710' && e.code !== '23505') throw e;
    });
  }
}
