# Shared settings of the local stack; sourced by every script under deploy/local and by ./portal.
# Every value can be overridden from the environment; PAR_PORT_OFFSET shifts every default port
# at once (the test command uses 10000 so tests never fight a running portal).

PAR_REPO_DIR="${PAR_REPO_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}"
PAR_CACHE_DIR="${PAR_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/par-portal}"
PAR_RUN_DIR="${PAR_RUN_DIR:-$PAR_REPO_DIR/.run/dev}"
PAR_PORT_OFFSET="${PAR_PORT_OFFSET:-0}"

# Pinned versions: change them here only.
PAR_NODE_VERSION="${PAR_NODE_VERSION:-24.21.0}"
PAR_NATS_VERSION="${PAR_NATS_VERSION:-v2.12.15}"
PAR_MINIO_VERSION="${PAR_MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}"
PAR_KEYCLOAK_VERSION="${PAR_KEYCLOAK_VERSION:-26.7.3}"

_port() { echo $(($1 + PAR_PORT_OFFSET)); }
PAR_NATS_PORT="${PAR_NATS_PORT:-$(_port 4222)}"
PAR_NATS_MONITOR_PORT="${PAR_NATS_MONITOR_PORT:-$(_port 8222)}"
PAR_MONGO_PORT="${PAR_MONGO_PORT:-$(_port 27017)}"
PAR_MINIO_PORT="${PAR_MINIO_PORT:-$(_port 9000)}"
PAR_MINIO_CONSOLE_PORT="${PAR_MINIO_CONSOLE_PORT:-$(_port 9001)}"
PAR_KEYCLOAK_PORT="${PAR_KEYCLOAK_PORT:-$(_port 8080)}"
PAR_KEYCLOAK_MGMT_PORT="${PAR_KEYCLOAK_MGMT_PORT:-$(_port 9190)}"
PAR_GATEWAY_PORT="${PAR_GATEWAY_PORT:-$(_port 3000)}"
PAR_GATEWAY_HEALTH_PORT="${PAR_GATEWAY_HEALTH_PORT:-$(_port 3100)}"
PAR_ACCOUNTS_HEALTH_PORT="${PAR_ACCOUNTS_HEALTH_PORT:-$(_port 3101)}"
PAR_ASSESSMENT_HEALTH_PORT="${PAR_ASSESSMENT_HEALTH_PORT:-$(_port 3102)}"
PAR_APPRAISAL_HEALTH_PORT="${PAR_APPRAISAL_HEALTH_PORT:-$(_port 3103)}"
PAR_RANKING_HEALTH_PORT="${PAR_RANKING_HEALTH_PORT:-$(_port 3104)}"
PAR_EVIDENCE_HEALTH_PORT="${PAR_EVIDENCE_HEALTH_PORT:-$(_port 3105)}"
PAR_SURVEY_HEALTH_PORT="${PAR_SURVEY_HEALTH_PORT:-$(_port 3106)}"
PAR_SHELL_PORT="${PAR_SHELL_PORT:-$(_port 4100)}"
PAR_REMOTE_SELF_ASSESSMENT_PORT="${PAR_REMOTE_SELF_ASSESSMENT_PORT:-$(_port 4101)}"
PAR_REMOTE_APPRAISAL_PORT="${PAR_REMOTE_APPRAISAL_PORT:-$(_port 4102)}"
PAR_REMOTE_ADMIN_PORT="${PAR_REMOTE_ADMIN_PORT:-$(_port 4103)}"
PAR_PUBLIC_PORT="${PAR_PUBLIC_PORT:-$(_port 4104)}"

PAR_KEYCLOAK_URL="${PAR_KEYCLOAK_URL:-http://localhost:$PAR_KEYCLOAK_PORT}"
PAR_KEYCLOAK_REALM="${PAR_KEYCLOAK_REALM:-par-portal}"
PAR_SHELL_URL="${PAR_SHELL_URL:-http://localhost:$PAR_SHELL_PORT}"
PAR_PUBLIC_URL="${PAR_PUBLIC_URL:-http://localhost:$PAR_PUBLIC_PORT}"
PAR_GATEWAY_URL="${PAR_GATEWAY_URL:-http://localhost:$PAR_GATEWAY_PORT}"
PAR_MINIO_BUCKET="${PAR_MINIO_BUCKET:-evidence}"

export PAR_REPO_DIR PAR_CACHE_DIR PAR_RUN_DIR PAR_PORT_OFFSET PAR_NODE_VERSION PAR_NATS_VERSION \
  PAR_MINIO_VERSION PAR_KEYCLOAK_VERSION PAR_NATS_PORT PAR_NATS_MONITOR_PORT PAR_MONGO_PORT \
  PAR_MINIO_PORT PAR_MINIO_CONSOLE_PORT PAR_KEYCLOAK_PORT PAR_KEYCLOAK_MGMT_PORT PAR_GATEWAY_PORT \
  PAR_GATEWAY_HEALTH_PORT PAR_ACCOUNTS_HEALTH_PORT PAR_ASSESSMENT_HEALTH_PORT PAR_APPRAISAL_HEALTH_PORT \
  PAR_RANKING_HEALTH_PORT PAR_EVIDENCE_HEALTH_PORT PAR_SURVEY_HEALTH_PORT PAR_SHELL_PORT PAR_REMOTE_SELF_ASSESSMENT_PORT \
  PAR_REMOTE_APPRAISAL_PORT PAR_REMOTE_ADMIN_PORT PAR_KEYCLOAK_URL PAR_KEYCLOAK_REALM \
  PAR_SHELL_URL PAR_GATEWAY_URL PAR_MINIO_BUCKET PAR_PUBLIC_PORT PAR_PUBLIC_URL

# Go builds (nats-server, MinIO, our FerretDB program) keep everything inside the cache.
# npm keeps its download cache there too, so that an empty PAR_CACHE_DIR is a truly cold start.
export npm_config_cache="${npm_config_cache:-$PAR_CACHE_DIR/npm}"
export GOPATH="$PAR_CACHE_DIR/go" GOCACHE="$PAR_CACHE_DIR/go-build" GOFLAGS=-mod=mod
mkdir -p "$PAR_CACHE_DIR/bin" "$PAR_CACHE_DIR/downloads" "$PAR_RUN_DIR"

par_log() { printf '\033[1m[par]\033[0m %s\n' "$*" >&2; }
par_die() { printf '\033[31m[par] %s\033[0m\n' "$*" >&2; exit 1; }

# --- Local stack servers (deploy/local/install.sh and stack.sh) ---
# FerretDB's version is pinned in deploy/local/ferretdb/go.mod (our program embeds it).

# Connection settings the services read; derived from the ports above, each overridable.
PAR_NATS_URL="${PAR_NATS_URL:-nats://127.0.0.1:$PAR_NATS_PORT}"
PAR_MONGO_URL="${PAR_MONGO_URL:-mongodb://127.0.0.1:$PAR_MONGO_PORT}"
PAR_MINIO_ENDPOINT="${PAR_MINIO_ENDPOINT:-http://127.0.0.1:$PAR_MINIO_PORT}"
# Keycloak runs with --hostname=$PAR_KEYCLOAK_URL, so this is the exact "iss" of its tokens.
PAR_KEYCLOAK_ISSUER="${PAR_KEYCLOAK_ISSUER:-$PAR_KEYCLOAK_URL/realms/$PAR_KEYCLOAK_REALM}"
# Generated on the first `stack.sh start` (mode 0600); per run dir, never committed.
PAR_SECRETS_FILE="${PAR_SECRETS_FILE:-$PAR_RUN_DIR/secrets.env}"
# Keycloak's JVM heap; two stacks must fit on a small machine next to the services.
PAR_KEYCLOAK_HEAP="${PAR_KEYCLOAK_HEAP:--Xms64m -Xmx768m}"
# Empty = choose automatically (see par_keycloak_java_home).
PAR_KEYCLOAK_JAVA_HOME="${PAR_KEYCLOAK_JAVA_HOME:-}"
export PAR_NATS_URL PAR_MONGO_URL PAR_MINIO_ENDPOINT PAR_KEYCLOAK_ISSUER PAR_SECRETS_FILE \
  PAR_KEYCLOAK_HEAP PAR_KEYCLOAK_JAVA_HOME

# Exports every value of $PAR_SECRETS_FILE (PAR_KEYCLOAK_ADMIN_USER/PASSWORD,
# PAR_ACCOUNTS_CLIENT_SECRET, PAR_ASSESSMENT_CLIENT_SECRET, PAR_EVIDENCE_CLIENT_SECRET,
# PAR_GATEWAY_CLIENT_SECRET, PAR_RANKING_CLIENT_SECRET, PAR_SEED_CLIENT_SECRET,
# PAR_MINIO_ROOT_USER/PASSWORD) into the calling shell.
par_load_secrets() {
  if [ ! -r "$PAR_SECRETS_FILE" ]; then
    par_log "no secrets at $PAR_SECRETS_FILE: run deploy/local/stack.sh start first"
    return 1
  fi
  local had_allexport=0
  case $- in *a*) had_allexport=1 ;; esac
  set -a
  # shellcheck disable=SC1090
  . "$PAR_SECRETS_FILE"
  [ "$had_allexport" = 1 ] || set +a
}

# Prints the JDK home Keycloak runs on: $PAR_KEYCLOAK_JAVA_HOME if set, else the newest JDK
# (>= 17) among the default `java` and /usr/lib/jvm/*. Keycloak 26.7 starts on 17 as well
# (checked), but its supported-configurations guide suggests the latest supported LTS (25).
par_keycloak_java_home() {
  if [ -n "$PAR_KEYCLOAK_JAVA_HOME" ]; then
    echo "$PAR_KEYCLOAK_JAVA_HOME"
    return 0
  fi
  local best="" best_major=0 home major java
  java="$(command -v java || true)"
  for home in ${java:+"$(dirname "$(dirname "$(readlink -f "$java")")")"} /usr/lib/jvm/*/; do
    home="${home%/}"
    if [ ! -x "$home/bin/java" ] || [ ! -r "$home/release" ]; then continue; fi
    # The release file has e.g. JAVA_VERSION="25.0.3"; reading it avoids starting a JVM per JDK.
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then
      best="$home" best_major="$major"
    fi
  done
  [ "$best_major" -ge 17 ] || par_die "Keycloak needs a JDK >= 17; none found (set PAR_KEYCLOAK_JAVA_HOME)"
  echo "$best"
}
