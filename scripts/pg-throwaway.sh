#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests: pg-throwaway.sh start DIR PORT | stop DIR
# Runs as the postgres user (initdb refuses root); trust auth on 127.0.0.1 only; gone when DIR is removed.
set -euo pipefail
action="${1:?start|stop}"; dir="${2:?DIR}"; port="${3:-5433}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ]; then
  apt-get install -y -qq postgresql >/dev/null
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
    # Durable like production (fsync on); fewer checkpoints so a test run does not wait on them.
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB -c max_wal_size=1GB" -w start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
