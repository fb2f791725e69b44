#!/usr/bin/env bash
# A throw-away S3-protocol server (npm s3rver, pinned in tools/s3rver) for the document-store tests:
#   s3rver.sh start DIR PORT   → prints the endpoint URL once it answers
#   s3rver.sh stop DIR         → stops it and removes DIR
# Keys are s3rver's fixed S3RVER / S3RVER; it listens on 127.0.0.1 only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
action="${1:?start|stop}"; dir="${2:?DIR}"; port="${3:-4568}"
tool="$root/tools/s3rver"
case "$action" in
  start)
    if [ ! -x "$tool/node_modules/.bin/s3rver" ]; then
      command -v npm >/dev/null || { echo "s3rver.sh: npm is missing (apt-get install npm)" >&2; exit 1; }
      (cd "$tool" && npm ci --no-audit --no-fund --silent >/dev/null) || { echo "s3rver.sh: npm ci failed in tools/s3rver" >&2; exit 1; }
    fi
    mkdir -p "$dir/files"
    nohup node "$tool/node_modules/.bin/s3rver" -d "$dir/files" -a 127.0.0.1 -p "$port" --silent >"$dir/log" 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "http://127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
    echo "s3rver.sh: s3rver did not answer on port $port (see $dir/log)" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/pid" ]; then kill "$(cat "$dir/pid")" 2>/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
