#!/usr/bin/env bash
# Adds a migration NAME for both providers. Until the first production release the schema has one migration,
# "Initial", which may be regenerated: scripts/add-migration.sh Initial --reset
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
name="${1:?usage: add-migration.sh NAME [--reset]}"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="src/Anuyat.Migrations.$provider"
  if [ "${2:-}" = "--reset" ]; then rm -rf "$project/Migrations"; fi
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
dotnet format Anuyat.slnx --include src/Anuyat.Migrations.Sqlite src/Anuyat.Migrations.Postgres >/dev/null || true
