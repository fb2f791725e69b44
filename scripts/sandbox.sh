#!/usr/bin/env bash
# Starts the training sandbox: the same app as a second process, with its own data directory and database
# (data-sandbox/ by default), a coloured banner on every page, no e-mail, demo staff and synthetic applications
# from the demo generator (Sandbox__Applications, default 200; Sandbox__Seed, default 2569).
# Point the real app at it with Sandbox__Url=http://HOST:5081 so the admin console links to it.
#   scripts/sandbox.sh               start on port 5081
#   scripts/sandbox.sh reset         empty it and seed it again (the running sandbox's admin page has a button too)
# PostgreSQL: export Database__Provider=Postgres and a ConnectionStrings__Anuyat whose database name contains "sandbox".
set -euo pipefail
cd "$(dirname "$0")/.."
export ANUYAT_DATA="${ANUYAT_SANDBOX_DATA:-$PWD/data-sandbox}"
export Sandbox__Enabled=true
export Smtp__Host=
port="${ANUYAT_SANDBOX_PORT:-5081}"
if [[ "${1:-}" == "reset" ]]; then
  exec dotnet run --project src/Anuyat.Web --no-launch-profile -- sandbox reset
fi
exec dotnet run --project src/Anuyat.Web --no-launch-profile --urls "http://0.0.0.0:${port}"
