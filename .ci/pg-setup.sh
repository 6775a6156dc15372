#!/usr/bin/env bash
# Starts a local PostgreSQL (installing Debian's package if needed), creates a throwaway database,
# and prints its DATABASE_URL on the last line. Used by .ci/run and by developers.
set -euo pipefail

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else sudo -u postgres bash -c "$1"; fi
}
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  as_root pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  as_root pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

db="sip_ci_$(date +%s)_$$"
as_postgres "psql -q -p $port -c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'sip') then create role sip login password 'sip'; end if; end \\\$\\\$;\"" >&2
as_postgres "createdb -p $port -O sip $db" >&2
echo "postgres://sip:sip@127.0.0.1:$port/$db"
