#!/usr/bin/env bash
# Runs every test: builds, checks formatting, starts a throw-away PostgreSQL, runs all test projects (HTTP tests on
# SQLite and PostgreSQL, browser journeys in Debian's Chromium), and prints one closing line:
#   N passed, N failed, N skipped
# Installs what a fresh machine of this kind lacks (Chromium, Thai fonts, poppler, zbar, clamd) first.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -i laksaman >/dev/null || missing+=(fonts-thai-tlwg)  # no -q: an early exit would SIGPIPE fc-list under pipefail
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/sbin/clamd ] || command -v clamd >/dev/null || missing+=(clamav-daemon)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || { echo "test.sh: apt-get install failed" >&2; exit 1; }
fi

dotnet tool restore >/dev/null || { echo "test.sh: dotnet tool restore failed" >&2; exit 1; }
echo "test.sh: building"
if ! dotnet build Anuyat.slnx -c Release -v quiet -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "test.sh: checking formatting"
if ! dotnet format Anuyat.slnx --verify-no-changes --no-restore -v quiet; then
  echo "test.sh: 'dotnet format Anuyat.slnx' would change files; run it and commit" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

pg_dir="$(mktemp -d /tmp/anuyat-pg.XXXXXX)"
pg_port=$(( 25000 + RANDOM % 5000 ))
s3_dir="$(mktemp -d /tmp/anuyat-s3.XXXXXX)"
s3_port=$(( 20000 + RANDOM % 5000 ))
clamd_dir="$(mktemp -d /tmp/anuyat-clamd.XXXXXX)"
clamd_port=$(( 30000 + RANDOM % 5000 ))
cleanup() {
  bash "$root/scripts/pg-throwaway.sh" stop "$pg_dir" >/dev/null 2>&1 || true
  bash "$root/scripts/s3rver.sh" stop "$s3_dir" >/dev/null 2>&1 || true
  bash "$root/scripts/clamd.sh" stop "$clamd_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT
if ! ANUYAT_TEST_POSTGRES="$(bash "$root/scripts/pg-throwaway.sh" start "$pg_dir" "$pg_port")"; then
  echo "test.sh: could not start PostgreSQL" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
export ANUYAT_TEST_POSTGRES

# The S3-protocol server for the document-store contract tests (npm s3rver, pinned in tools/s3rver; npm ci on first use).
if ! ANUYAT_TEST_S3="$(bash "$root/scripts/s3rver.sh" start "$s3_dir" "$s3_port")"; then
  echo "test.sh: could not start s3rver" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
export ANUYAT_TEST_S3

# ClamAV's daemon for the virus-scan tests, with a signature database the script writes (no internet needed).
if ! ANUYAT_TEST_CLAMD="$(bash "$root/scripts/clamd.sh" start "$clamd_dir" "$clamd_port")"; then
  echo "test.sh: could not start clamd" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
export ANUYAT_TEST_CLAMD

log="$(mktemp /tmp/anuyat-test.XXXXXX.log)"
echo "test.sh: running tests (log: $log)"
dotnet test Anuyat.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

summary="$(awk '/^(Passed|Failed)! +- Failed: /{gsub(",","");f+=$4;p+=$6;s+=$8} END{printf "%d passed, %d failed, %d skipped\n",p,f,s}' "$log")"
failed="$(echo "$summary" | awk '{print $3}')"
passed="$(echo "$summary" | awk '{print $1}')"
if [ "$status" -ne 0 ] && [ "$failed" = "0" ]; then
  # The runner failed without reporting a failed test (a crash, a build problem): count it as one failure.
  summary="$passed passed, 1 failed, $(echo "$summary" | awk '{print $5}') skipped"
fi
echo "$summary"
[ "$status" -eq 0 ]
