#!/usr/bin/env bash
# A throw-away ClamAV daemon (Debian clamav-daemon) for the virus-scan tests, with a signature database written here:
#   clamd.sh start DIR PORT   → prints HOST:PORT once clamd answers PING
#   clamd.sh stop DIR         → stops it and removes DIR
# Signature updates (freshclam) need the internet, which test machines may not reach, so the database holds only what
# this script writes: the EICAR test file by MD5 (.hdb, computed here, not copied) and a marker string (.ndb) that the
# tests put inside an otherwise valid PDF. It listens on 127.0.0.1 only.
set -euo pipefail
action="${1:?start|stop}"; dir="${2:?DIR}"; port="${3:-3310}"
case "$action" in
  start)
    command -v clamd >/dev/null || [ -x /usr/sbin/clamd ] || { echo "clamd.sh: clamd is missing (apt-get install clamav-daemon)" >&2; exit 1; }
    clamd_bin="$(command -v clamd || echo /usr/sbin/clamd)"
    mkdir -p "$dir/db"
    # The EICAR string, kept reversed so this file is not itself flagged by a scanner.
    eicar="$(printf '%s' '*H+H$!ELIF-TSET-SURIVITNA-DRADNATS-RACIE$}7)CC7)^P(45XZP\4[PA@%P!O5X' | rev)"
    md5="$(printf '%s' "$eicar" | md5sum | cut -d' ' -f1)"
    printf '%s:%s:Anuyat.Test.Eicar-Signature\n' "$md5" "${#eicar}" >"$dir/db/anuyat-test.hdb"
    marker_hex="$(printf '%s' 'ANUYAT-TEST-MALWARE-MARKER-7f3c' | od -An -tx1 | tr -d ' \n')"
    printf 'Anuyat.Test.Marker:0:*:%s\n' "$marker_hex" >"$dir/db/anuyat-test.ndb"
    cat >"$dir/clamd.conf" <<EOF
Foreground yes
TCPSocket $port
TCPAddr 127.0.0.1
DatabaseDirectory $dir/db
PidFile $dir/clamd.pid
LogFile $dir/log
StreamMaxLength 30M
MaxThreads 4
Bytecode no
EOF
    nohup "$clamd_bin" --config-file="$dir/clamd.conf" >"$dir/out" 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 1 300); do
      if reply="$( (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'zPING\0' >&3 && timeout 2 head -c 4 <&3) 2>/dev/null)" && [ "$reply" = "PONG" ]; then
        echo "127.0.0.1:$port"
        exit 0
      fi
      if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then break; fi
      sleep 0.1
    done
    echo "clamd.sh: clamd did not answer on port $port (see $dir/out and $dir/log)" >&2
    cat "$dir/out" >&2 || true
    exit 1
    ;;
  stop)
    if [ -f "$dir/pid" ]; then kill "$(cat "$dir/pid")" 2>/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
