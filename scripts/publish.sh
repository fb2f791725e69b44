#!/usr/bin/env bash
# The deployment build: scripts/publish.sh [OUT]   (default ./publish)
# Release, framework-dependent for linux-x64, compiled ahead of time (ReadyToRun) so a new instance serves its first
# page sooner: the JIT no longer compiles the framework, EF Core and the app at start (docs/benchmarks.md, start-up).
# Run it with `dotnet OUT/Anuyat.Web.dll` or `OUT/Anuyat.Web`, with the settings in the README.
# The lock files already hold the linux-x64 graph (Directory.Build.props), so this also restores in CI's locked mode.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/publish}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish "$root/src/Anuyat.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" -v quiet -nologo -clp:ErrorsOnly
echo "$out"
