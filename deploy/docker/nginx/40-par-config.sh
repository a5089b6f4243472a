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
echo "$0: wrote $out_dir/config.json (keycloak $PAR_KEYCLOAK_URL, api $api_url)"
