#!/usr/bin/env bash
# Benchmarks (issue 11): builds Release, generates data with `demo generate`, starts the app on a real Kestrel port
# (SQLite, then PostgreSQL in a throw-away cluster), runs every scenario beside its baseline and writes
# docs/benchmarks.md.   bench/run.sh [--quick] [--applications N] [--db sqlite|postgres|both] [--out FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Anuyat.Web -c Release -v quiet -nologo -clp:ErrorsOnly
dotnet build bench/Anuyat.Bench -c Release -v quiet -nologo -clp:ErrorsOnly
# The deployment build too (ReadyToRun), for scenario 6's start-up beside the plain Release build.
published=()
if [[ " $* " != *" --published "* && " $* " != *" --quick "* ]]; then
  publish_dir="$(mktemp -d /tmp/anuyat-bench-publish-XXXXXX)"
  trap 'rm -rf "$publish_dir"' EXIT
  bash scripts/publish.sh "$publish_dir" > /dev/null
  published=(--published "$publish_dir/Anuyat.Web.dll")
fi
out=(--out docs/benchmarks.md)
for a in "$@"; do [ "$a" = "--out" ] && out=(); done
for a in "$@"; do [ "$a" = "--quick" ] && [ ${#out[@]} -gt 0 ] && out=(--out /tmp/anuyat-bench-quick.md); done
dotnet bench/Anuyat.Bench/bin/Release/net10.0/Anuyat.Bench.dll --root "$root" "${out[@]}" "${published[@]}" "$@"
