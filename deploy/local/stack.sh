#!/usr/bin/env bash
# Starts, stops and reports the local stack's servers: NATS (JetStream), FerretDB, MinIO and
# Keycloak, each a plain process of this machine (no containers).
#
#   deploy/local/stack.sh start|stop|status [nats|ferretdb|minio|keycloak ...]   (none = all)
#
# Everything of one stack lives under $PAR_RUN_DIR: pids/<name>.pid, logs/<name>.log,
# data/<name>/ and secrets.env. Ports come from deploy/local/lib/env.sh, so two stacks with
# different PAR_RUN_DIR and PAR_PORT_OFFSET (dev on 0, tests on 10000) run side by side; the
# shared cache ($PAR_CACHE_DIR) only holds installed programs and is never written at start.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/env.sh
source "$HERE/lib/env.sh"

SERVERS=(nats ferretdb minio keycloak) # start order; stop runs in reverse
PID_DIR="$PAR_RUN_DIR/pids"
LOG_DIR="$PAR_RUN_DIR/logs"
DATA_DIR="$PAR_RUN_DIR/data"
BIN_DIR="$PAR_CACHE_DIR/bin"
KEYCLOAK_HOME="$PAR_CACHE_DIR/keycloak/$PAR_KEYCLOAK_VERSION"
REALM_FILE="$PAR_REPO_DIR/deploy/keycloak/par-portal-realm.json"
STOP_TIMEOUT="${PAR_STOP_TIMEOUT:-20}" # seconds between TERM and KILL

# Seconds to wait for a server's health check. Keycloak's first start also creates its
# database and imports the realm; two stacks starting together on 2 cores need the margin.
start_timeout() {
  case "$1" in
    nats | ferretdb) echo 30 ;;
    minio) echo 60 ;;
    keycloak) echo "${PAR_KEYCLOAK_START_TIMEOUT:-240}" ;;
  esac
}

ports_of() {
  case "$1" in
    nats) echo "$PAR_NATS_PORT $PAR_NATS_MONITOR_PORT" ;;
    ferretdb) echo "$PAR_MONGO_PORT" ;;
    minio) echo "$PAR_MINIO_PORT $PAR_MINIO_CONSOLE_PORT" ;;
    keycloak) echo "$PAR_KEYCLOAK_PORT $PAR_KEYCLOAK_MGMT_PORT" ;;
  esac
}

# Text that must appear in the command line of a server's pid: guards against a stale pid
# file whose pid the kernel has since given to an unrelated process.
process_marker() {
  case "$1" in
    nats) echo "$BIN_DIR/nats-server" ;;
    ferretdb) echo "$BIN_DIR/par-ferretdb" ;;
    minio) echo "$BIN_DIR/minio" ;;
    keycloak) echo "$KEYCLOAK_HOME/bin/kc.sh" ;;
  esac
}

endpoints_of() {
  case "$1" in
    nats) echo "$PAR_NATS_URL (monitor http://127.0.0.1:$PAR_NATS_MONITOR_PORT)" ;;
    ferretdb) echo "$PAR_MONGO_URL" ;;
    minio) echo "$PAR_MINIO_ENDPOINT (console http://127.0.0.1:$PAR_MINIO_CONSOLE_PORT, bucket $PAR_MINIO_BUCKET)" ;;
    keycloak) echo "$PAR_KEYCLOAK_URL (issuer $PAR_KEYCLOAK_ISSUER, admin console $PAR_KEYCLOAK_URL/admin/)" ;;
  esac
}

say() { printf '%-9s %s\n' "$1" "$2"; }
secs_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1fs", (b - a) / 1e9 }'; }

# --- processes ---------------------------------------------------------------------------

# Prints the pid of a running server of this stack; removes a stale pid file.
pid_of() {
  local name="$1" file="$PID_DIR/$1.pid" pid cmdline=""
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ]; then
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  fi
  if [[ -n "$cmdline" && "$cmdline" == *"$(process_marker "$name")"* ]]; then
    echo "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# Every server runs in its own session (setsid), so its pid is also its process group and
# session id: stopping signals the whole group (kc.sh and its java child alike).
# A server whose starter has exited is reaped by init, which may take a second or two here;
# a zombie counts as stopped, or every stop would wait for the reaper.
# (awk reads all of ps's output: an early-exiting `grep -q` could SIGPIPE ps under pipefail.)
not_zombie() { awk '$1 !~ /^Z/ { n++ } END { exit n == 0 }'; }
session_alive() { ps -o stat= --sid "$1" 2>/dev/null | not_zombie; }
process_alive() { ps -o stat= -p "$1" 2>/dev/null | not_zombie; }

rss_mib() {
  ps -o rss= --sid "$1" 2>/dev/null | awk '{ s += $1 } END { printf "%d", s / 1024 }'
}

# Describes what holds a local TCP port ("pid 123 (nats-server)"); fails when it is free.
port_user() {
  local line what=""
  line="$(ss -Hltnp "( sport = :$1 )" 2>/dev/null | awk 'NR == 1')"
  if [ -z "$line" ]; then
    # Below the ephemeral range no client end can hold the port: what is left there is the
    # server's own connections of before a crash (its restart must not wait for them).
    in_ephemeral_range "$1" || return 1
    # Not a listener, but maybe the local end of an open connection: ports from 32768 up are
    # in Linux's ephemeral range, and a server cannot bind one a client connection holds.
    line="$(ss -Htanp exclude time-wait exclude listening "( sport = :$1 )" 2>/dev/null | awk 'NR == 1')"
    [ -n "$line" ] || return 1
    what="the client end of a connection (ephemeral port) of "
  fi
  if [[ "$line" =~ \(\(\"([^\"]*)\",pid=([0-9]+) ]]; then
    echo "${what}pid ${BASH_REMATCH[2]} (${BASH_REMATCH[1]})"
  else
    echo "${what}another process"
  fi
}

# A client connection that closed keeps its local port in TIME-WAIT for 60 s, and Linux then
# refuses a listener on that port (even with SO_REUSEADDR). Only ports of the ephemeral range
# (32768 and up, e.g. 37017 of the test stack) can be hit; waiting is enough.
port_in_time_wait() {
  in_ephemeral_range "$1" && [ -n "$(ss -Htan state time-wait "( sport = :$1 )" 2>/dev/null | awk 'NR == 1')" ]
}
in_ephemeral_range() {
  local low
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || low=32768
  [ "$1" -ge "$low" ]
}

# Fails with a clear message when a port this server needs is already taken.
check_ports_free() {
  local name="$1" port user ok=0 deadline
  for port in $(ports_of "$name"); do
    if user="$(port_user "$port")"; then
      say "$name" "cannot start: port $port is already in use by $user (another stack on PAR_PORT_OFFSET=$PAR_PORT_OFFSET? a foreign server?)" >&2
      ok=1
    elif port_in_time_wait "$port"; then
      say "$name" "port $port is held by a closed connection (TIME-WAIT); waiting for the kernel to free it" >&2
      deadline=$((SECONDS + 70))
      while port_in_time_wait "$port" && [ "$SECONDS" -lt "$deadline" ]; do sleep 1; done
      if port_in_time_wait "$port"; then
        say "$name" "cannot start: port $port stays in TIME-WAIT (clients keep reusing it as an ephemeral port)" >&2
        ok=1
      fi
    fi
  done
  return "$ok"
}

# launch NAME COMMAND...: runs COMMAND in the background in its own session, output appended
# to the server's log, pid recorded.
launch() {
  local name="$1" log="$LOG_DIR/$1.log"
  shift
  mkdir -p "$PID_DIR" "$LOG_DIR" "$DATA_DIR/$name"
  printf '\n===== %s: stack.sh start %s =====\n' "$(date -Is)" "$name" >>"$log"
  # 8>&-: the server must not inherit (and so keep holding) this script's run-dir lock.
  setsid "$@" </dev/null >>"$log" 2>&1 8>&- &
  echo "$!" >"$PID_DIR/$name.pid"
}

# Stops one server: TERM to its process group, KILL after $STOP_TIMEOUT seconds.
stop_server() {
  local name="$1" pid waited=0 t0
  t0="$(date +%s%N)"
  if ! pid="$(pid_of "$name")"; then
    say "$name" "not running"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || true
  while session_alive "$pid"; do
    if [ "$waited" -ge $((STOP_TIMEOUT * 10)) ]; then
      kill -KILL -- "-$pid" 2>/dev/null || true
      say "$name" "did not stop within ${STOP_TIMEOUT}s after TERM; killed (pid $pid)"
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$PID_DIR/$name.pid"
  [ "$waited" -ge $((STOP_TIMEOUT * 10)) ] || say "$name" "stopped (pid $pid) in $(secs_since "$t0")"
}

# --- health checks -----------------------------------------------------------------------

http_ok() { curl -fsS --max-time 3 -o /dev/null "$1" 2>/dev/null; }

healthy_nats() {
  # js-enabled-only: healthy once JetStream is up, which the services' streams need.
  http_ok "http://127.0.0.1:$PAR_NATS_MONITOR_PORT/healthz?js-enabled-only=true"
}

healthy_ferretdb() {
  # A real {ping: 1} over the MongoDB wire protocol, not only an open port.
  "$BIN_DIR/par-ferretdb" -ping "127.0.0.1:$PAR_MONGO_PORT" >/dev/null 2>&1
}

healthy_minio() {
  http_ok "http://127.0.0.1:$PAR_MINIO_PORT/minio/health/live"
}

healthy_keycloak() {
  http_ok "http://127.0.0.1:$PAR_KEYCLOAK_MGMT_PORT/health/ready" || return 1
  # Ready is not enough: the realm must be imported and its issuer must be the one the
  # services expect ($PAR_KEYCLOAK_ISSUER), i.e. --hostname matches PAR_KEYCLOAK_URL.
  local issuer
  issuer="$(curl -fsS --max-time 3 \
    "http://127.0.0.1:$PAR_KEYCLOAK_PORT/realms/$PAR_KEYCLOAK_REALM/.well-known/openid-configuration" \
    2>/dev/null | jq -r .issuer 2>/dev/null)" || return 1
  [ "$issuer" = "$PAR_KEYCLOAK_ISSUER" ]
}

# wait_healthy NAME PID: polls until healthy; fails early when the process exits.
wait_healthy() {
  local name="$1" pid="$2" deadline=$((SECONDS + $(start_timeout "$1")))
  until "healthy_$name"; do
    if ! process_alive "$pid"; then
      FAIL_REASON="exited during start"
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      FAIL_REASON="not healthy after $(start_timeout "$name")s"
      return 1
    fi
    sleep 0.5
  done
}

# --- secrets -----------------------------------------------------------------------------

# Generates $PAR_SECRETS_FILE once per run dir; later starts reuse it, since Keycloak's
# database and MinIO's data were created with these values.
ensure_secrets() {
  [ -f "$PAR_SECRETS_FILE" ] || generate_secrets
  add_service_client_secrets
  add_nats_passwords
}

generate_secrets() {
  if [ -d "$DATA_DIR/keycloak/h2" ] || [ -d "$DATA_DIR/minio/data" ]; then
    par_die "$PAR_SECRETS_FILE is missing but $DATA_DIR holds data created with the old secrets;
    stop the stack and remove $DATA_DIR (or restore the file) to start fresh"
  fi
  mkdir -p "$(dirname "$PAR_SECRETS_FILE")"
  local tmp="$PAR_SECRETS_FILE.partial"
  (
    umask 077
    cat >"$tmp" <<EOF
# Generated by deploy/local/stack.sh on $(date -Is) for $PAR_RUN_DIR. Never commit.
PAR_KEYCLOAK_ADMIN_USER=admin
PAR_KEYCLOAK_ADMIN_PASSWORD=$(openssl rand -hex 16)
PAR_ACCOUNTS_CLIENT_SECRET=$(openssl rand -hex 24)
PAR_MINIO_ROOT_USER=par-$(openssl rand -hex 6)
PAR_MINIO_ROOT_PASSWORD=$(openssl rand -hex 20)
EOF
  )
  chmod 600 "$tmp"
  mv "$tmp" "$PAR_SECRETS_FILE"
  par_log "generated $PAR_SECRETS_FILE"
}

# The secrets of the service principals' clients (par-assessment, par-evidence, par-gateway,
# par-ranking, par-seed), and PAR_ACCOUNTS_JOB_SECRET_KEY (account jobs' sealed passwords). Appended to a file
# made before they existed, since nothing was created with them yet; Keycloak's start then adds
# the clients an older run dir's realm lacks (below).
SERVICE_CLIENT_SECRETS=(PAR_ASSESSMENT_CLIENT_SECRET PAR_EVIDENCE_CLIENT_SECRET PAR_GATEWAY_CLIENT_SECRET
  PAR_RANKING_CLIENT_SECRET PAR_SEED_CLIENT_SECRET PAR_ACCOUNTS_JOB_SECRET_KEY)
add_service_client_secrets() {
  local name
  for name in "${SERVICE_CLIENT_SECRETS[@]}"; do
    grep -q "^$name=" "$PAR_SECRETS_FILE" && continue
    printf '%s=%s\n' "$name" "$(openssl rand -hex 24)" >>"$PAR_SECRETS_FILE"
    par_log "added $name to $PAR_SECRETS_FILE"
  done
}

# One NATS user per service (deploy/nats/permissions.conf), plus the local `seed` and `tests`
# (deploy/local/nats.conf). NATS reads its config at every start, so a password added to an
# older run dir's file takes effect at once.
NATS_USERS=(gateway accounts assessment appraisal ranking evidence survey seed tests)
add_nats_passwords() {
  local user name
  for user in "${NATS_USERS[@]}"; do
    name="PAR_NATS_${user^^}_PASSWORD"
    grep -q "^$name=" "$PAR_SECRETS_FILE" && continue
    # NATS parses an environment variable as a config value: a leading digit would make it a
    # number (or a parse error), so each password starts with a letter.
    printf '%s=n%s\n' "$name" "$(openssl rand -hex 24)" >>"$PAR_SECRETS_FILE"
  done
}

# Reads the secrets into this shell without exporting them: each server gets only its own.
read_secrets() {
  # shellcheck disable=SC1090
  . "$PAR_SECRETS_FILE"
}

# --- servers -----------------------------------------------------------------------------

launch_nats() {
  # The config reads each user's password from the environment ($PAR_NATS_<USER>_PASSWORD);
  # exported in a subshell, so they stay off every command line.
  (
    for user in "${NATS_USERS[@]}"; do export "PAR_NATS_${user^^}_PASSWORD"; done
    launch nats "$BIN_DIR/nats-server" -a 127.0.0.1 -p "$PAR_NATS_PORT" -m "$PAR_NATS_MONITOR_PORT" \
      -js -sd "$DATA_DIR/nats" -c "$PAR_REPO_DIR/deploy/local/nats.conf"
  )
}

launch_ferretdb() {
  launch ferretdb "$BIN_DIR/par-ferretdb" -listen "127.0.0.1:$PAR_MONGO_PORT" -data "$DATA_DIR/ferretdb"
}

launch_minio() {
  # Objects under data/minio/data. MinIO creates ~/.minio (and ~/.minio/certs) at start,
  # which both stacks would share: HOME and the certs dir point into data/minio instead.
  mkdir -p "$DATA_DIR/minio/data" "$DATA_DIR/minio/certs"
  launch minio env HOME="$DATA_DIR/minio" \
    MINIO_ROOT_USER="$PAR_MINIO_ROOT_USER" MINIO_ROOT_PASSWORD="$PAR_MINIO_ROOT_PASSWORD" \
    MINIO_UPDATE=off \
    "$BIN_DIR/minio" server --quiet --address "127.0.0.1:$PAR_MINIO_PORT" \
    --console-address "127.0.0.1:$PAR_MINIO_CONSOLE_PORT" \
    --certs-dir "$DATA_DIR/minio/certs" "$DATA_DIR/minio/data"
}

# Creates the evidence bucket through the S3 API (signed by curl, so no `mc` is needed).
after_start_minio() {
  local url="http://127.0.0.1:$PAR_MINIO_PORT/$PAR_MINIO_BUCKET" code
  # Credentials go through stdin (-K -), never on a command line other users could read.
  s3() { printf 'user = "%s:%s"\n' "$PAR_MINIO_ROOT_USER" "$PAR_MINIO_ROOT_PASSWORD" \
    | curl -sS --max-time 10 -K - --aws-sigv4 "aws:amz:us-east-1:s3" -o /dev/null -w '%{http_code}' "$@"; }
  code="$(s3 -I "$url")" || code=error
  case "$code" in
    200) return 0 ;;
    404) code="$(s3 -X PUT "$url")" || code=error ;;
  esac
  if [ "$code" != 200 ]; then
    FAIL_REASON="could not create bucket $PAR_MINIO_BUCKET (HTTP $code)"
    return 1
  fi
  par_log "created MinIO bucket $PAR_MINIO_BUCKET"
}

# The realm is imported once per run dir, so a service principal's client added to the realm
# file later (par-gateway, for one) is missing from an older run dir, and the service that
# needs it never gets a token (the gateway would stay unready). Each missing one is added with
# its service account through Keycloak's partial import, its secret from the secrets file;
# clients already there are left as they are.
after_start_keycloak() {
  local kc="http://127.0.0.1:$PAR_KEYCLOAK_PORT" token client secret_var result
  local admin="$kc/admin/realms/$PAR_KEYCLOAK_REALM"
  # The admin's password and the token go through stdin, never on a command line.
  token="$(U="$PAR_KEYCLOAK_ADMIN_USER" P="$PAR_KEYCLOAK_ADMIN_PASSWORD" jq -rn \
    '"grant_type=password&client_id=admin-cli&username=\(env.U|@uri)&password=\(env.P|@uri)"' \
    | curl -fsS --max-time 10 -d @- "$kc/realms/master/protocol/openid-connect/token" \
    | jq -r .access_token)" || token=""
  if [ -z "$token" ] || [ "$token" = null ]; then
    FAIL_REASON="could not sign in to Keycloak's admin API to check the realm's clients"
    return 1
  fi
  auth() { printf 'Authorization: Bearer %s\n' "$token"; }
  for client in $(jq -r '.clients[] | select(.serviceAccountsEnabled == true) | .clientId' \
    "$REALM_FILE"); do
    [ "$(curl -fsS --max-time 10 -H @<(auth) "$admin/clients?clientId=$client" | jq length)" = 0 ] \
      || continue
    secret_var="$(jq -r --arg c "$client" \
      '.clients[] | select(.clientId == $c) | .secret | capture("^\\$\\{(?<v>[A-Z0-9_]+)\\}$").v' \
      "$REALM_FILE")" || secret_var=""
    if [ -z "$secret_var" ] || [ -z "${!secret_var:-}" ]; then
      FAIL_REASON="no secret in $PAR_SECRETS_FILE for the realm's new client $client"
      return 1
    fi
    result="$(S="${!secret_var}" jq --arg c "$client" '{
        ifResourceExists: "SKIP",
        clients: [.clients[] | select(.clientId == $c) | .secret = env.S],
        users: [.users[] | select(.serviceAccountClientId == $c)]
      }' "$REALM_FILE" \
      | curl -fsS --max-time 30 -H @<(auth) -H 'Content-Type: application/json' -d @- \
        "$admin/partialImport" | jq -r .added)" || result=error
    if [ "$result" != 2 ]; then
      FAIL_REASON="could not add the realm's client $client to this run dir's realm"
      return 1
    fi
    par_log "keycloak: added the client $client (new in $REALM_FILE) to this run dir's realm"
  done
}

launch_keycloak() {
  local data="$DATA_DIR/keycloak" java_home
  java_home="$(par_keycloak_java_home)"
  mkdir -p "$data/import" "$data/tmp"
  # The realm is imported from a per-run folder (keycloak.migration.dir is the property that
  # --import-realm sets to the cached home's data/import), and only when the realm does not
  # exist yet; a changed realm file therefore needs a fresh data/keycloak.
  if [ -f "$data/h2/keycloakdb.mv.db" ] && [ -f "$data/import/par-portal-realm.json" ] \
    && ! cmp -s "$REALM_FILE" "$data/import/par-portal-realm.json"; then
    par_log "keycloak: $REALM_FILE changed since this run dir imported it; the old realm stays." \
      "To re-import: stack.sh stop keycloak && rm -rf $data"
  fi
  cp "$REALM_FILE" "$data/import/par-portal-realm.json"

  # The password blocklist is a Bloom filter: at Keycloak's default false-positive probability
  # (1 in 10,000) one random password in 10,000 is refused as listed, which a run creating
  # hundreds of users (or a province issuing its units' accounts) meets; 1 in 10 million costs a
  # few bits per listed password.
  # Every path Keycloak writes to at run time is redirected into data/keycloak: its H2
  # database (--db-url), the transaction log and temp files (which default to the cached
  # home's data/ folder). The realm file's ${PAR_SHELL_URL} and client secrets
  # (${PAR_*_CLIENT_SECRET}) are replaced from this environment at import.
  launch keycloak env JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="$PAR_KEYCLOAK_HEAP" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$PAR_KEYCLOAK_ADMIN_USER" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$PAR_KEYCLOAK_ADMIN_PASSWORD" \
    PAR_SHELL_URL="$PAR_SHELL_URL" PAR_ACCOUNTS_CLIENT_SECRET="$PAR_ACCOUNTS_CLIENT_SECRET" \
    PAR_ASSESSMENT_CLIENT_SECRET="$PAR_ASSESSMENT_CLIENT_SECRET" \
    PAR_EVIDENCE_CLIENT_SECRET="$PAR_EVIDENCE_CLIENT_SECRET" \
    PAR_GATEWAY_CLIENT_SECRET="$PAR_GATEWAY_CLIENT_SECRET" \
    PAR_RANKING_CLIENT_SECRET="$PAR_RANKING_CLIENT_SECRET" \
    PAR_SEED_CLIENT_SECRET="$PAR_SEED_CLIENT_SECRET" \
    "$KEYCLOAK_HOME/bin/kc.sh" start --optimized \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$PAR_KEYCLOAK_PORT" \
    --http-management-port="$PAR_KEYCLOAK_MGMT_PORT" \
    --hostname="$PAR_KEYCLOAK_URL" --cache=local \
    --db-url="jdbc:h2:file:$data/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    "-Dkeycloak.migration.dir=$data/import" \
    "-Dkeycloak.password.blacklists.path=$PAR_REPO_DIR/deploy/keycloak/password-blacklists" \
    --spi-password-policy--password-blacklist--false-positive-probability=0.0000001 \
    "-Dquarkus.transaction-manager.object-store.directory=$data/transaction-logs" \
    "-Djava.io.tmpdir=$data/tmp"
}

# --- commands ----------------------------------------------------------------------------

STARTED=()   # servers this call started; stopped again if a later one fails
ALL_REQUESTED=0 # 1 when no server was named on the command line
FAIL_REASON=""

rollback() {
  local i
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    stop_server "${STARTED[i]}" >&2
  done
  STARTED=()
}

fail_server() {
  local name="$1" log="$LOG_DIR/$1.log"
  {
    say "$name" "FAILED: $FAIL_REASON"
    say "$name" "log: $log (last 20 lines below)"
    tail -n 20 "$log" 2>/dev/null | sed 's/^/    | /'
  } >&2
  if [ "${#STARTED[@]}" -gt 0 ]; then
    par_log "stopping what this start started: ${STARTED[*]}"
    rollback
  fi
  exit 1
}

cmd_start() {
  local servers=("$@") name pid t0 total0 conflicts=0
  total0="$(date +%s%N)"
  # A full start also makes sure chromium is there for the browser tests (`./portal test`
  # only calls this script); starting single servers installs only those.
  if [ "$ALL_REQUESTED" = 1 ]; then "$HERE/install.sh"; else "$HERE/install.sh" "${servers[@]}"; fi

  # Check every port before starting anything, so a conflict never leaves half a stack.
  for name in "${servers[@]}"; do
    if pid="$(pid_of "$name")"; then
      continue
    fi
    check_ports_free "$name" || conflicts=1
  done
  [ "$conflicts" = 0 ] || exit 1

  ensure_secrets
  read_secrets

  trap 'par_log "interrupted"; rollback; exit 130' INT TERM
  for name in "${servers[@]}"; do
    if pid="$(pid_of "$name")"; then
      say "$name" "already running (pid $pid)"
      wait_healthy "$name" "$pid" || fail_server "$name"
      continue
    fi
    t0="$(date +%s%N)"
    "launch_$name"
    pid="$(cat "$PID_DIR/$name.pid")"
    STARTED+=("$name")
    wait_healthy "$name" "$pid" || fail_server "$name"
    if declare -F "after_start_$name" >/dev/null; then
      "after_start_$name" || fail_server "$name"
    fi
    say "$name" "started (pid $pid) in $(secs_since "$t0"): $(endpoints_of "$name")"
  done
  trap - INT TERM
  par_log "stack up in $(secs_since "$total0") (run dir $PAR_RUN_DIR, port offset $PAR_PORT_OFFSET);" \
    "secrets: $PAR_SECRETS_FILE"
}

cmd_stop() {
  local servers=("$@") i
  for ((i = ${#servers[@]} - 1; i >= 0; i--)); do
    stop_server "${servers[i]}"
  done
}

# Exit status 0 only when every listed server runs and is healthy.
cmd_status() {
  local name pid state rc=0 port user
  for name in "$@"; do
    if pid="$(pid_of "$name")"; then
      if "healthy_$name"; then state="healthy"; else state="NOT healthy" rc=1; fi
      say "$name" "running (pid $pid, rss $(rss_mib "$pid") MiB), $state: $(endpoints_of "$name")"
    else
      rc=1
      state="stopped"
      for port in $(ports_of "$name"); do
        if user="$(port_user "$port")"; then state="$state; port $port is used by $user"; fi
      done
      say "$name" "$state"
    fi
  done
  return "$rc"
}

main() {
  local command="${1:-}" name
  shift || true
  local servers=("$@")
  ALL_REQUESTED=0
  if [ "${#servers[@]}" = 0 ]; then
    servers=("${SERVERS[@]}")
    ALL_REQUESTED=1
  fi
  for name in "${servers[@]}"; do
    case " ${SERVERS[*]} " in
      *" $name "*) ;;
      *) par_die "unknown server '$name' (known: ${SERVERS[*]})" ;;
    esac
  done
  # Keep the given names in start order whatever order they were typed in.
  local ordered=()
  for name in "${SERVERS[@]}"; do
    case " ${servers[*]} " in *" $name "*) ordered+=("$name") ;; esac
  done

  case "$command" in
    start | stop)
      # One start/stop per run dir at a time; the two stacks have separate locks.
      mkdir -p "$PAR_RUN_DIR"
      exec 8>"$PAR_RUN_DIR/.stack.lock"
      flock -n 8 || { par_log "another stack.sh start/stop runs on $PAR_RUN_DIR; waiting"; flock 8; }
      "cmd_$command" "${ordered[@]}"
      ;;
    status) cmd_status "${ordered[@]}" ;;
    *)
      echo "usage: $0 start|stop|status [${SERVERS[*]}]" >&2
      exit 2
      ;;
  esac
}

main "$@"
