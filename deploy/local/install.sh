#!/usr/bin/env bash
# Installs the local stack's servers into $PAR_CACHE_DIR, idempotently.
#
#   deploy/local/install.sh [nats|ferretdb|minio|keycloak|chromium|pdftotext ...]   (none = all)
#
# Prints one line per component; a component is only (re)installed when its pinned version
# (deploy/local/lib/env.sh), its source or its build options changed. What was installed is
# recorded in $PAR_CACHE_DIR/stamps/<component>, so bumping a version in env.sh reinstalls.
# Only the shared cache is written here; everything per run lives under $PAR_RUN_DIR (stack.sh).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/env.sh
source "$HERE/lib/env.sh"

ALL_COMPONENTS=(nats ferretdb minio keycloak chromium pdftotext)
STAMP_DIR="$PAR_CACHE_DIR/stamps"
BIN_DIR="$PAR_CACHE_DIR/bin"
# Go is installed outside the default PATH on these machines.
case ":$PATH:" in *:/usr/local/go/bin:*) ;; *) PATH="$PATH:/usr/local/go/bin" ;; esac

# --- helpers -----------------------------------------------------------------------------

# report COMPONENT TEXT: the one line printed per component.
report() { printf '%-9s %s\n' "$1" "$2"; }

stamp_is() { [ -f "$STAMP_DIR/$1" ] && [ "$(cat "$STAMP_DIR/$1")" = "$2" ]; }
write_stamp() { mkdir -p "$STAMP_DIR" && printf '%s\n' "$2" >"$STAMP_DIR/$1"; }

# Module version a Go binary was built from, read from its embedded build info.
go_binary_module_version() { go version -m "$1" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'; }

# go_tool COMPONENT BINARY MODULE VERSION: `go install MODULE@VERSION` into $BIN_DIR.
go_tool() {
  local component="$1" binary="$2" module="$3" version="$4" start="$SECONDS"
  local bin="$BIN_DIR/$binary"
  if [ -x "$bin" ] && stamp_is "$component" "$version"; then
    report "$component" "$binary $version: present"
    return 0
  fi
  # A binary built by someone else with the same GOBIN (e.g. the machine's warm-up job) is
  # adopted when its build info shows the pinned version, instead of compiling it again.
  if [ -x "$bin" ] && [ "$(go_binary_module_version "$bin")" = "$version" ]; then
    write_stamp "$component" "$version"
    report "$component" "$binary $version: present (build info checked, stamp written)"
    return 0
  fi
  command -v go >/dev/null || par_die "$component: Go is needed to build $module"
  GOBIN="$BIN_DIR" go install "$module@$version" \
    || par_die "$component: go install $module@$version failed"
  write_stamp "$component" "$version"
  report "$component" "$binary $version: installed in $((SECONDS - start))s"
}

# --- components --------------------------------------------------------------------------

install_nats() {
  go_tool nats nats-server github.com/nats-io/nats-server/v2 "$PAR_NATS_VERSION"
}

install_minio() {
  # MinIO's community edition ships as source only; it takes minutes to compile the first time.
  go_tool minio minio github.com/minio/minio "$PAR_MINIO_VERSION"
}

# Our own program embedding FerretDB (see deploy/local/ferretdb/main.go for why).
install_ferretdb() {
  local src="$HERE/ferretdb" bin="$BIN_DIR/par-ferretdb" start="$SECONDS" hash
  hash="$(cd "$src" && cat go.mod go.sum ./*.go | sha256sum | cut -c1-16)"
  if [ -x "$bin" ] && stamp_is ferretdb "$hash"; then
    report ferretdb "par-ferretdb (source $hash): present"
    return 0
  fi
  command -v go >/dev/null || par_die "ferretdb: Go is needed to build $src"
  # -mod=readonly: the committed go.mod/go.sum decide the versions; a build never edits them.
  (cd "$src" && GOFLAGS=-mod=readonly go build -trimpath -o "$bin.partial" .) \
    || par_die "ferretdb: go build in $src failed"
  mv -f "$bin.partial" "$bin"
  write_stamp ferretdb "$hash"
  report ferretdb "par-ferretdb (source $hash): built in $((SECONDS - start))s"
}

# Options baked in by `kc.sh build` so every start can use --optimized (no re-augmentation,
# which would also write into the shared cache). Changing them here rebuilds.
KEYCLOAK_BUILD_OPTIONS=(--db=dev-file --health-enabled=true --metrics-enabled=true --cache=local)

install_keycloak() {
  local version="$PAR_KEYCLOAK_VERSION" start="$SECONDS"
  local dir="$PAR_CACHE_DIR/keycloak/$version"
  local tarball="$PAR_CACHE_DIR/downloads/keycloak-quarkus-dist-$version.tar.gz"
  local java_home want
  java_home="$(par_keycloak_java_home)"
  want="$version ${KEYCLOAK_BUILD_OPTIONS[*]}"
  if [ -x "$dir/bin/kc.sh" ] && stamp_is keycloak "$want"; then
    report keycloak "Keycloak $version: present"
    return 0
  fi

  if [ ! -s "$tarball" ]; then
    # The server distribution is a Maven artifact; Maven's default repository serves it.
    mvn -B -q dependency:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$version:tar.gz" \
      "-DoutputDirectory=$PAR_CACHE_DIR/downloads" \
      "-Dmaven.repo.local=$PAR_CACHE_DIR/m2" \
      || par_die "keycloak: could not fetch org.keycloak:keycloak-quarkus-dist:$version with mvn"
  fi

  # Extract and build beside the final folder, then rename: a failed or interrupted install
  # never leaves a half-built Keycloak that looks installed.
  rm -rf "$dir.partial"
  mkdir -p "$dir.partial"
  tar xzf "$tarball" -C "$dir.partial" --strip-components=1
  JAVA_HOME="$java_home" "$dir.partial/bin/kc.sh" build "${KEYCLOAK_BUILD_OPTIONS[@]}" \
    >"$dir.partial/build.log" 2>&1 \
    || { tail -n 20 "$dir.partial/build.log" >&2; par_die "keycloak: kc.sh build failed (log: $dir.partial/build.log)"; }
  rm -rf "$dir"
  mv "$dir.partial" "$dir"
  write_stamp keycloak "$want"
  report keycloak "Keycloak $version: installed and built in $((SECONDS - start))s (JDK $java_home)"
}

install_chromium() {
  local start="$SECONDS" sudo=()
  if [ -x /usr/bin/chromium ]; then
    report chromium "chromium $(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo '?'): present"
    return 0
  fi
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || par_die "chromium: apt-get install chromium failed"
  report chromium "chromium $(dpkg-query -W -f='${Version}' chromium): installed in $((SECONDS - start))s"
}

# poppler's pdftotext: the tests read the text of the PDF reports the portal exports.
install_pdftotext() {
  local start="$SECONDS" sudo=()
  if command -v pdftotext >/dev/null; then
    report pdftotext "poppler-utils $(dpkg-query -W -f='${Version}' poppler-utils 2>/dev/null || echo '?'): present"
    return 0
  fi
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null \
    || par_die "pdftotext: apt-get install poppler-utils failed"
  report pdftotext "poppler-utils $(dpkg-query -W -f='${Version}' poppler-utils): installed in $((SECONDS - start))s"
}

# --- main ----------------------------------------------------------------------------------

main() {
  local components=("$@") c
  [ "${#components[@]}" -gt 0 ] || components=("${ALL_COMPONENTS[@]}")
  for c in "${components[@]}"; do
    case " ${ALL_COMPONENTS[*]} " in
      *" $c "*) ;;
      *) par_die "unknown component '$c' (known: ${ALL_COMPONENTS[*]})" ;;
    esac
  done

  # Dev and test stacks may start at the same moment and share the cache: one install at a time.
  mkdir -p "$PAR_CACHE_DIR"
  exec 9>"$PAR_CACHE_DIR/.install.lock"
  if ! flock -n 9; then
    par_log "another install into $PAR_CACHE_DIR is running; waiting for it"
    flock 9
  fi

  for c in "${components[@]}"; do
    "install_$c"
  done
}

main "$@"
