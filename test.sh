#!/usr/bin/env bash
# Installs what the tests need (Debian chromium, postgresql, an emoji font, aiosmtpd), starts PostgreSQL
# and an SMTP server on loopback with throwaway data directories, runs every test project (each database test on SQLite and
# PostgreSQL, browser tests in headless Chromium), stops what it started and prints one
# summary line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- system packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
# Emoji in Avery's messages render in the browser tests' screenshots.
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
# A real SMTP server for the notification tests (Debian's python3, not a pyenv one on PATH).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- PostgreSQL on loopback, throwaway -------------------------------------------------------
PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
PG_DIR=$(mktemp -d /tmp/creatoros-pg.XXXXXX)
PG_PORT=${CREATOROS_TEST_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"

SMTP_DIR=$(mktemp -d /tmp/creatoros-smtp.XXXXXX)
SMTP_PORT=${CREATOROS_TEST_SMTP_PORT:-$(( 40000 + RANDOM % 20000 ))}
SMTP_PID=""

cleanup() {
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  [ -n "$SMTP_PID" ] && kill "$SMTP_PID" >/dev/null 2>&1 || true
  rm -rf "$SMTP_DIR"
}
trap cleanup EXIT INT TERM

log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
export CREATOROS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"

# --- SMTP on loopback: aiosmtpd stores every message in a Maildir the tests read ---------------
log "Starting SMTP (aiosmtpd) on 127.0.0.1:$SMTP_PORT"
mkdir -p "$SMTP_DIR/mail/tmp" "$SMTP_DIR/mail/new" "$SMTP_DIR/mail/cur"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$SMTP_DIR/mail" >"$SMTP_DIR/server.log" 2>&1 &
SMTP_PID=$!
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break
  sleep 0.1
done
export CREATOROS_TEST_SMTP="127.0.0.1:$SMTP_PORT" CREATOROS_TEST_MAILDIR="$SMTP_DIR/mail"

# --- build once, then run each test project ---------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Building"
dotnet build CreatorOS.slnx -c Release -v quiet -nologo

passed=0; failed=0; skipped=0; status=0
for project in tests/UnitTests tests/ArchitectureTests tests/IntegrationTests tests/BrowserTests; do
  log "Testing $project"
  out=$(mktemp)
  set +e
  dotnet test "$project" -c Release --no-build --nologo --logger "trx" \
    --results-directory "$ROOT/artifacts/test-results" 2>&1 | tee "$out"
  code=${PIPESTATUS[0]}
  set -e
  summary=$(grep -E '(Passed|Failed)!\s+-\s+Failed:' "$out" | tail -n 1 || true)
  if [ -z "$summary" ]; then
    echo "No test summary from $project (exit $code)"; tail -n 40 "$out"; status=1
  else
    p=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$summary")
    f=$(sed -E 's/.*Failed:\s+([0-9]+),.*/\1/' <<<"$summary")
    s=$(sed -E 's/.*Skipped:\s+([0-9]+).*/\1/' <<<"$summary")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  fi
  [ "$code" -eq 0 ] || status=1
  rm -f "$out"
done

echo
echo "Screenshots: artifacts/screenshots"
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
