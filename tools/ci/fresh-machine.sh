#!/usr/bin/env bash
# The README's two commands as a new user runs them, on this machine made to look fresh: a clone of the
# committed tree with no ../shared beside it, an empty HOME (no Nx cache, no ~/.npmrc), Node 24 and npm
# only, and, in a private mount namespace, Docker and every package tools/ci/services.sh installs hidden
# behind overlay whiteouts (plus apt-get and dpkg, which these commands must never call).
# Usage: tools/ci/fresh-machine.sh [--keep]   (as root; prints the timings, exits non-zero on failure)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "fresh-machine: needs root (unshare -m, overlay mounts)" >&2; exit 1; }
node_bin=$(bash "$repo/tools/ci/node.sh")
work=$(mktemp -d /tmp/mlops-fresh-XXXXXX)
[ "${1:-}" = --keep ] || trap 'rm -rf "$work"' EXIT
git clone -q --no-hardlinks "$repo" "$work/repo"
git -C "$work/repo" checkout -q "$(git -C "$repo" rev-parse HEAD)"
mkdir -p "$work/home" "$work/whiteouts"

# Binaries of docker.io, docker-registry, tini, debootstrap (what services.sh installs), the machine's
# static docker client, and the package tools.
hide=(docker dockerd docker-proxy docker-init containerd containerd-shim containerd-shim-runc-v2 ctr runc
  docker-registry tini tini-static debootstrap apt apt-get apt-cache dpkg dpkg-deb dpkg-query)
mounts=()
for dir in /usr/bin /usr/sbin /usr/local/bin /usr/local/sbin; do
  [ -d "$dir" ] && [ ! -L "$dir" ] || continue
  wo="$work/whiteouts${dir//\//_}"
  mkdir -p "$wo"
  for name in "${hide[@]}"; do [ -e "$dir/$name" ] && mknod "$wo/$name" c 0 0; done
  mounts+=("mount -t overlay overlay -o lowerdir=$wo:$dir $dir")
done

# The machine's npm download cache is shared (npm ci checks every tarball's integrity), and so is its
# network setup (CA bundle, proxy): a fresh machine has both; nothing of the project's is shared.
npm_cache=$(npm config get cache)
machine_env=()
for name in NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR HTTPS_PROXY HTTP_PROXY NO_PROXY https_proxy http_proxy no_proxy; do
  [ -n "${!name:-}" ] && machine_env+=("$name=${!name}")
done
cafile=$(npm config get cafile 2>/dev/null || true)
[ -n "$cafile" ] && [ "$cafile" != null ] && machine_env+=("npm_config_cafile=$cafile")
inner=$(cat <<INNER
set -euo pipefail
$(printf '%s\n' "${mounts[@]}")
for b in docker tini apt-get dpkg; do ! command -v \$b >/dev/null || { echo "fresh-machine: \$b still visible" >&2; exit 1; }; done
cd "$work/repo"
echo "[fresh] node \$(node --version), npm \$(npm --version), docker: \$(command -v docker || echo none), ../shared: \$(ls -d ../shared 2>/dev/null || echo none)"
t0=\$(date +%s)
npm ci --no-audit --no-fund
t1=\$(date +%s)
npm start
t2=\$(date +%s)
npm test
t3=\$(date +%s)
printf '[fresh] npm ci %ss, npm start %ss, npm test %ss\n' \$((t1-t0)) \$((t2-t1)) \$((t3-t2)) | tee "$work/timings"
INNER
)
unshare -m --propagation private env -i \
  PATH="$node_bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  HOME="$work/home" LANG=C.UTF-8 TERM=dumb \
  DOCKER_HOST=unix:///nonexistent/docker.sock \
  npm_config_cache="$npm_cache" npm_config_nodedir="$(dirname "$node_bin")" \
  NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false \
  "${machine_env[@]}" \
  bash -c "$inner"
mkdir -p "$repo/tmp" && cp "$work/timings" "$repo/tmp/fresh-machine-timings.txt"
