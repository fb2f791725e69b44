#!/usr/bin/env bash
# Dashboard at scale (issue 7): dashboard and /api/v1/stats latency at N applications beside a full scan of the
# applications table, same machine, same run. Keeps the database with --data DIR (generated once, reused after).
#   bench/dashboard.sh --applications N [--db sqlite|postgres --pg CONNECTION] [--data DIR] [--seconds S] [--out FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${SKIP_BUILD:-}" != 1 ]; then
  dotnet build src/Anuyat.Web -c Release -v quiet -nologo -clp:ErrorsOnly
  dotnet build bench/Anuyat.Bench -c Release -v quiet -nologo -clp:ErrorsOnly
fi
exec dotnet bench/Anuyat.Bench/bin/Release/net10.0/Anuyat.Bench.dll --dashboard --root "$root" "$@"
