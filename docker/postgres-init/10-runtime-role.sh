#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: the login the app serves requests with. It owns
# nothing; the migrations (run as POSTGRES_USER, the owner) grant its group role pu_runtime what requests need.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE pu_runtime NOLOGIN;
CREATE ROLE przyjazny_urzad_app LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE IN ROLE pu_runtime;
SQL
