#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite and prints its URL.
# Usage: .ci/start-postgres.sh [PORT]   (data in /tmp/continuity-pg-PORT, owned by the postgres user)
set -euo pipefail
port="${1:-55432}"
dir="/tmp/continuity-pg-${port}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
run_as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  run_as_postgres "'$bin/initdb' -D '$dir' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
fi
if ! run_as_postgres "'$bin/pg_ctl' -D '$dir' status" >/dev/null 2>&1; then
  run_as_postgres "'$bin/pg_ctl' -D '$dir' -l '$dir/server.log' -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:${port}/postgres"
