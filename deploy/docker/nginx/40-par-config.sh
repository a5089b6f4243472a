#!/bin/sh
# Writes the shell's /config.json from the environment when the container starts (the official
# nginx entrypoint runs /docker-entrypoint.d/*.sh), so one shell image serves any Keycloak, API
# and set of remotes, and a new remote or URL needs no rebuild. A bad value stops the start.
set -eu

: "${PAR_KEYCLOAK_URL:?PAR_KEYCLOAK_URL must be set: Keycloak as browsers see it}"
keycloak_realm="${PAR_KEYCLOAK_REALM:-par-portal}"
keycloak_client_id="${PAR_KEYCLOAK_CLIENT_ID:-par-portal}"
api_url="${PAR_API_URL:-/api}"
remotes="${PAR_REMOTES:-[]}"
out_dir="${PAR_CONFIG_DIR:-/tmp/par}"

case "$remotes" in
  \[*\]) ;;
  *)
    echo "$0: PAR_REMOTES must be a JSON array of {\"name\",\"manifest\"}, got: $remotes" >&2
    exit 1
    ;;
esac

# A JSON string of $1: backslashes and double quotes escaped.
json_string() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

mkdir -p "$out_dir"
cat > "$out_dir/config.json.tmp" <<JSON
{
  "keycloak": {
    "url": $(json_string "$PAR_KEYCLOAK_URL"),
    "realm": $(json_string "$keycloak_realm"),
    "clientId": $(json_string "$keycloak_client_id")
  },
  "apiUrl": $(json_string "$api_url"),
  "remotes": $remotes
}
JSON
mv "$out_dir/config.json.tmp" "$out_dir/config.json"

# The shell's Content-Security-Policy, as packages/web-server/src/security-headers.mjs builds it
# (deploy/test checks that the two agree): scripts only from the portal and its remotes' origins.
origin_of() {
  printf '%s' "$1" | sed -n 's#^\(https\{0,1\}://[^/?\#]*\).*#\1#p'
}
# 'self' and then each distinct origin of the arguments, space-separated.
sources() {
  list="'self'"
  for url in "$@"; do
    origin="$(origin_of "$url")"
    case " $list " in
      *" $origin "*) ;;
      *) [ -n "$origin" ] && list="$list $origin" ;;
    esac
  done
  printf '%s' "$list"
}
# shellcheck disable=SC2046 # one manifest URL per word
set -- $(printf '%s' "$remotes" | grep -o '"manifest"[[:space:]]*:[[:space:]]*"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')
remote_sources="$(sources "$@")"
connect_extra="$(printf '%s' "${PAR_CSP_CONNECT_SRC:-}" | tr ',' ' ')"
# shellcheck disable=SC2086 # one origin per word
connect_sources="$(sources "$api_url" "$PAR_KEYCLOAK_URL" "$@" $connect_extra)"
csp="default-src 'self'; script-src $remote_sources; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src $connect_sources; frame-src $(sources "$PAR_KEYCLOAK_URL"); frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
{
  printf 'add_header Content-Security-Policy "%s" always;\n' "$csp"
  # This image serves production; browsers heed HSTS over HTTPS only.
  if [ "${PAR_HSTS:-true}" = "true" ]; then
    printf 'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;\n'
  fi
} > "$out_dir/security-headers.conf"
echo "$0: wrote $out_dir/security-headers.conf (script-src $remote_sources)"
echo "$0: wrote $out_dir/config.json (keycloak $PAR_KEYCLOAK_URL, api $api_url)"
