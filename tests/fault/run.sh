#!/usr/bin/env bash
# Fault run (issue 9): a steady stream of building-permit submissions with documents over HTTP against a Release
# build on PostgreSQL, while the app is kill -9'd repeatedly (a supervisor restarts it), PostgreSQL is restarted
# once, and the data directory's disk is filled once. Then every acknowledged submission must exist once with its
# files intact, unacknowledged ones whole or absent, and `audit verify` must pass.
#   tests/fault/run.sh [--short]      (--short: ~1 minute of load, 3 kills; default ~3 minutes, 8 kills)
# Prints a results row for docs/reliability.md and exits non-zero when anything was lost or duplicated.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
short=0; [ "${1:-}" = "--short" ] && short=1
load_seconds=$([ $short = 1 ] && echo 60 || echo 180)
kills=$([ $short = 1 ] && echo 3 || echo 8)
work="$(mktemp -d /tmp/anuyat-fault.XXXXXX)"; chmod 755 "$work"  # the postgres user must reach its cluster below it
port=$(( 31000 + RANDOM % 2000 )); pg_port=$(( 33000 + RANDOM % 2000 ))
base="http://127.0.0.1:$port"
log() { echo "fault: $*" >&2; }

dotnet build src/Anuyat.Web -c Release -v quiet -nologo -clp:ErrorsOnly >/dev/null || { log "build failed"; exit 1; }
dll="$root/src/Anuyat.Web/bin/Release/net10.0/Anuyat.Web.dll"

pg="$(bash scripts/pg-throwaway.sh start "$work/pg" "$pg_port")" || { log "PostgreSQL did not start"; exit 1; }
psql -q "host=127.0.0.1 port=$pg_port user=postgres dbname=postgres" -c "CREATE DATABASE anuyat" >/dev/null
sql() { psql -qtAX "host=127.0.0.1 port=$pg_port user=postgres dbname=anuyat" -c "$1"; }

# The data directory on a small disk of its own so it can be filled without touching the machine's.
mkdir -p "$work/data"
disk="tmpfs 48 MiB"
mount -t tmpfs -o size=48m tmpfs "$work/data" 2>/dev/null || disk="none (mount refused; disk-full step skipped)"

export ANUYAT_DATA="$work/data" Database__Provider=Postgres ConnectionStrings__Anuyat="$pg;Database=anuyat" \
  ASPNETCORE_ENVIRONMENT=Testing ASPNETCORE_URLS="$base" Applications__ClockDutiesWorker=false Logging__LogLevel__Default=Warning \
  RateLimits__SubmissionsPerMinute=1000000 RateLimits__UploadsPerMinute=1000000  # one account files for a whole city here
dotnet "$dll" db migrate >/dev/null || { log "db migrate failed"; exit 1; }
token="$(dotnet "$dll" token create --email "fault-$RANDOM@test.anuyat" --role citizen)"

cleanup() {
  touch "$work/stop"; [ -n "${supervisor:-}" ] && kill "$supervisor" 2>/dev/null
  sleep 0.5; [ -f "$work/app.pid" ] && kill -9 "$(cat "$work/app.pid")" 2>/dev/null
  umount "$work/data" 2>/dev/null; bash scripts/pg-throwaway.sh stop "$work/pg" >/dev/null 2>&1
}
trap cleanup EXIT

# The supervisor: whatever kills the app, it is started again (systemd Restart=always does this in production).
( while [ ! -f "$work/stop" ]; do dotnet "$dll" >>"$work/app.log" 2>&1 & echo $! >"$work/app.pid"; wait $!; sleep 0.2; done ) &
supervisor=$!

healthy() { [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "$base/health")" = 200 ]; }
wait_healthy() { local t0; t0=$(date +%s.%N); until healthy; do sleep 0.1; done; echo "$(date +%s.%N) - $t0" | bc; }
wait_healthy >/dev/null

answers="$(sed -n '/SmallHouse = """/,/""";/p' tests/Anuyat.Web.Tests/Applications/ApplicationJourneyTests.cs | sed '1d;$d')"
body="{ \"serviceCode\": \"building-permit-k1\", \"districtCode\": \"1001\", \"answers\": $answers }"
items=(plans titleDeedCopy structuralCalculations supervisorConsent)
mkdir -p "$work/docs"
: >"$work/acked"; : >"$work/seen"

# call OUT CURL-ARGS…: retries while the app is away (no answer, 5xx); prints the final status code.
call() {
  local out="$1"; shift; local code
  for _ in $(seq 1 200); do
    code="$(curl -s -m 20 -o "$out" -w '%{http_code}' -H "Authorization: Bearer $token" "$@")"
    case "$code" in 000|5*) sleep 0.25 ;; *) echo "$code"; return ;; esac
  done
  echo "$code"
}

submit_one() {
  local n="$1" id code sha
  code="$(call "$work/r" -H "Idempotency-Key: fault-$n" -H 'Content-Type: application/json' --data "$body" "$base/api/v1/applications")"
  [ "$code" = 201 ] || { log "create $n → $code"; return; }
  id="$(jq -r .id "$work/r")"; echo "$id" >>"$work/seen"
  for item in "${items[@]}"; do
    printf '%%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Title (fault %s %s %s) >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n%s\ntrailer\n<< /Root 1 0 R /Size 4 >>\n%%%%EOF\n' \
      "$n" "$item" "$RANDOM$RANDOM" "$(head -c 30000 /dev/urandom | base64 -w 0)" >"$work/docs/$n-$item.pdf"
    code="$(call "$work/r" -F "file=@$work/docs/$n-$item.pdf;type=application/pdf" -F "item=$item" "$base/api/v1/applications/$id/documents")"
    case "$code" in 2*|409) ;; *) log "attach $n $item → $code"; return ;; esac
  done
  code="$(call "$work/r" -X POST "$base/api/v1/applications/$id/submit")"
  if [ "$code" = 200 ]; then
    echo "$id $(for item in "${items[@]}"; do sha256sum "$work/docs/$n-$item.pdf" | cut -c1-64; done | tr '\n' ' ')" >>"$work/acked"
  else
    log "submit $n → $code"
  fi
}

# Faults, spread over the load: kill -9 at even intervals, PostgreSQL restarted once, the disk filled once.
(
  step=$(( load_seconds / (kills + 2) ))
  for k in $(seq 1 "$kills"); do
    sleep "$step"
    kill -9 "$(cat "$work/app.pid")" 2>/dev/null && echo "kill $(date +%s.%N)" >>"$work/faults"
    wait_healthy >>"$work/recovery"
    if [ "$k" = 2 ]; then
      runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D "$work/pg/data" -m fast -w restart >/dev/null 2>&1
      echo "pg-restart $(date +%s.%N)" >>"$work/faults"
    fi
    if [ "$k" = 3 ] && [ "${disk#tmpfs}" != "$disk" ]; then
      dd if=/dev/zero of="$work/data/filler" bs=1M 2>/dev/null; echo "disk-full $(date +%s.%N)" >>"$work/faults"
      sleep 5; rm -f "$work/data/filler"
    fi
  done
) &
chaos=$!

end=$(( $(date +%s) + load_seconds )); n=0
while [ "$(date +%s)" -lt "$end" ]; do n=$((n + 1)); submit_one "$n"; done
wait "$chaos"
wait_healthy >/dev/null

# The checks.
acked=$(wc -l <"$work/acked"); intact=0; lost=0
while read -r id shas; do
  status="$(sql "SELECT \"Status\" FROM applications WHERE \"Id\" = '$id'")"
  stored="$(sql "SELECT f.\"Sha256\" FROM application_documents d JOIN uploaded_files f ON f.\"Id\" = d.\"UploadedFileId\" WHERE d.\"ApplicationId\" = '$id' ORDER BY 1" | tr '\n' ' ')"
  expected="$(echo "$shas" | tr ' ' '\n' | sed '/^$/d' | sort | tr '\n' ' ')"
  ok=1
  [ "$status" = submitted ] || ok=0
  [ "$stored" = "$expected" ] || ok=0
  for sha in $shas; do
    f="$work/data/documents/${sha:0:2}/${sha:2:2}/$sha"
    [ -f "$f" ] && [ "$(sha256sum "$f" | cut -c1-64)" = "$sha" ] || ok=0
  done
  if [ $ok = 1 ]; then intact=$((intact + 1)); else lost=$((lost + 1)); log "acknowledged $id not intact (status '$status')"; fi
done <"$work/acked"
total=$(sql "SELECT count(*) FROM applications")
unseen=$(sql "SELECT \"Id\" FROM applications" | grep -vxFf "$work/seen" | wc -l)     # created twice under one key would show here
broken=0
for sha in $(sql "SELECT f.\"Sha256\" FROM application_documents d JOIN uploaded_files f ON f.\"Id\" = d.\"UploadedFileId\""); do
  f="$work/data/documents/${sha:0:2}/${sha:2:2}/$sha"
  { [ -f "$f" ] && [ "$(sha256sum "$f" | cut -c1-64)" = "$sha" ]; } || broken=$((broken + 1))
done
unacked=$(( total - acked ))
verify="$(dotnet "$dll" audit verify 2>&1 | tail -n 1)"; verify_rc=$?
recovery="$(sort -n "$work/recovery" | awk '{a[NR]=$1} END{printf "%.1f (max %.1f)", a[int((NR+1)/2)], a[NR]}')"
faults="$(awk '{print $1}' "$work/faults" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')"

echo "faults: $faults; disk: $disk; attempts: $n; applications in database: $total; audit verify: $verify"
echo "| $(date -u +%Y-%m-%d) | $([ $short = 1 ] && echo short || echo full) | $acked | $intact | $lost | $unseen | $unacked (broken files: $broken) | $recovery |"
[ "$lost" = 0 ] && [ "$unseen" = 0 ] && [ "$broken" = 0 ] && [ "$acked" -gt 0 ] && echo "$verify" | grep -q '^ok'
