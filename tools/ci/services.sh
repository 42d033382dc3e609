#!/usr/bin/env bash
# Services the integration and e2e suites need, started by the project itself:
#   - a Docker Engine (Debian docker.io; dockerd started if no daemon answers)
#   - a local OCI registry on 127.0.0.1:5000 (Debian docker-registry, storage in the state dir)
#   - PostgreSQL on 127.0.0.1:5432 (trust auth, database `test`)
#   - the cross-check clients: Debian's AWS CLI and boto3 (the local stack's integration suite)
#   - Debian's chromium (the local-pipeline report screenshot test, driven by playwright-core)
#   - the base image the Dockerfiles use (node:24-bookworm-slim): pulled when a registry is
#     reachable, otherwise built offline (debootstrap bookworm minbase with tini + the pinned Node 24
#     package from the npm registry, see tools/ci/node.sh).
#
# Usage: tools/ci/services.sh up|status|down|base-image [--help]
# Idempotent: `up` twice in a row is a no-op the second time. Needs root on a Debian-like host
# only for what is missing (apt-get install, starting daemons).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"

STATE_DIR="${MLOPS_SERVICES_DIR:-/var/tmp/mlops-services}"
REGISTRY_ADDR="${MLOPS_REGISTRY_ADDR:-127.0.0.1:5000}"
PG_HOST=127.0.0.1
PG_PORT="${PGPORT:-5432}"
BASE_IMAGE="${MLOPS_BASE_IMAGE:-node:24-bookworm-slim}"
DEBIAN_MIRROR="${MLOPS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<'EOF'
Usage: tools/ci/services.sh <command>

Commands:
  up          ensure Docker, the local registry, PostgreSQL and the base image (idempotent)
  status      print what is up; exits 1 naming whatever is missing
  down        stop the daemons this script started (dockerd, registry); PostgreSQL is left running
  base-image  (re)build the offline base image even if one exists

Environment:
  MLOPS_SERVICES_DIR   state dir (logs, pid files, registry storage)   [/var/tmp/mlops-services]
  MLOPS_REGISTRY_ADDR  registry listen address                         [127.0.0.1:5000]
  MLOPS_BASE_IMAGE     base image tag the Dockerfiles use              [node:24-bookworm-slim]
  MLOPS_DEBIAN_MIRROR  mirror for the offline debootstrap              [http://deb.debian.org/debian]
EOF
}

# Prefer Debian's docker client when we installed docker.io: it matches the daemon's API.
docker_cli() { if [ -x /usr/bin/docker ]; then /usr/bin/docker "$@"; else docker "$@"; fi; }

apt_updated=0
apt_install() {
  [ "$(id -u)" = 0 ] || die "need root to apt-get install $*"
  command -v apt-get >/dev/null || die "apt-get not found: install $* by hand"
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    # Another apt (unattended upgrades, a second CI step) may hold the lock: wait for it, not fail.
    apt-get -o DPkg::Lock::Timeout=600 update -qq >"$STATE_DIR/apt.log" 2>&1 || die "apt-get update failed (see $STATE_DIR/apt.log)"
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >>"$STATE_DIR/apt.log" 2>&1 \
    || die "apt-get install $* failed (see $STATE_DIR/apt.log)"
}

wait_for() { # wait_for <seconds> <description> <command...>
  local secs=$1 what=$2; shift 2
  for _ in $(seq 1 "$secs"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}

# ---------------------------------------------------------------- docker
docker_ok() { docker_cli info >/dev/null 2>&1; }

docker_up() {
  if docker_ok; then log "docker: daemon answers"; return; fi
  command -v dockerd >/dev/null || apt_install docker.io
  log "docker: starting dockerd (log: $STATE_DIR/dockerd.log)"
  setsid dockerd >"$STATE_DIR/dockerd.log" 2>&1 < /dev/null &
  echo $! >"$STATE_DIR/dockerd.pid"
  wait_for 60 dockerd docker_ok || die "docker: dockerd did not answer within 60 s (see $STATE_DIR/dockerd.log)"
  log "docker: up"
}

# ---------------------------------------------------------------- registry
registry_ok() { curl -fsS -m 2 "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1; }

registry_up() {
  if registry_ok; then log "registry: $REGISTRY_ADDR answers"; return; fi
  command -v docker-registry >/dev/null || apt_install docker-registry
  mkdir -p "$STATE_DIR/registry"
  cat >"$STATE_DIR/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE_DIR/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
EOF
  log "registry: starting docker-registry on $REGISTRY_ADDR (storage: $STATE_DIR/registry)"
  setsid docker-registry serve "$STATE_DIR/registry.yml" >"$STATE_DIR/registry.log" 2>&1 < /dev/null &
  echo $! >"$STATE_DIR/registry.pid"
  wait_for 30 registry registry_ok || die "registry: no answer on http://$REGISTRY_ADDR/v2/ (see $STATE_DIR/registry.log)"
  log "registry: up"
}

# ---------------------------------------------------------------- postgres
pg_ok() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }

postgres_up() {
  if pg_ok; then log "postgres: $PG_HOST:$PG_PORT answers"; ensure_test_db; return; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    apt_install postgresql
    local ver; ver=$(ls /etc/postgresql | sort -V | tail -1)
    # Tests connect as `postgres` over TCP without a password, like the machines CI runs on.
    sed -i 's/^\(host\s.*\)\(scram-sha-256\|md5\)$/\1trust/' "/etc/postgresql/$ver/main/pg_hba.conf"
  fi
  local ver; ver=$(ls /etc/postgresql | sort -V | tail -1)
  log "postgres: starting cluster $ver/main"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start >>"$STATE_DIR/postgres.log" 2>&1 || true
  wait_for 30 postgres pg_ok || die "postgres: nothing answers on $PG_HOST:$PG_PORT (see $STATE_DIR/postgres.log)"
  ensure_test_db
  log "postgres: up"
}

ensure_test_db() {
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" \
    2>/dev/null | grep -q 1 && return
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null \
    || die "postgres: cannot create database 'test' as user postgres (trust auth expected on $PG_HOST)"
}

# ---------------------------------------------------------------- cross-check clients
clients_ok() { [ -x /usr/bin/aws ] && /usr/bin/python3 -c 'import boto3' 2>/dev/null; }

clients_up() {
  if clients_ok; then log "clients: aws CLI and boto3 present"; return; fi
  apt_install awscli python3-boto3
}

# ---------------------------------------------------------------- browser (report screenshot test)
chromium_ok() { [ -x /usr/bin/chromium ]; }

chromium_up() {
  if chromium_ok; then log "chromium: /usr/bin/chromium present"; return; fi
  apt_install chromium
}

# ---------------------------------------------------------------- base image
base_ok() { docker_cli image inspect "$BASE_IMAGE" >/dev/null 2>&1; }

base_up() {
  if base_ok; then log "base image: $BASE_IMAGE present"; return; fi
  log "base image: trying docker pull $BASE_IMAGE"
  if timeout 60 "$(command -v docker)" pull -q "$BASE_IMAGE" >/dev/null 2>&1; then log "base image: pulled"; return; fi
  log "base image: no registry reachable; building $BASE_IMAGE offline (air-gapped path)"
  build_base_offline
}

# Air-gapped equivalent of node:24-bookworm-slim: Debian bookworm minbase from the Debian mirror, plus
# Debian's tini (so image builds need no network), the pinned Node 24 package (tools/ci/node.sh) and
# this host's npm at the same paths as the official image, a `node` user (uid 1000) and the same
# ENV/CMD. The rootfs tarball is cached, so a rebuild after `docker system prune` is quick.
build_base_offline() {
  local node_bin; node_bin=$(bash "$HERE/node.sh") || die "base image: cannot install the pinned Node 24"
  command -v debootstrap >/dev/null || apt_install debootstrap
  local cache="$STATE_DIR/bookworm-minbase-tini.tar" rootfs="$STATE_DIR/rootfs"
  if [ ! -s "$cache" ]; then
    rm -rf "$rootfs"
    log "base image: debootstrap bookworm minbase from $DEBIAN_MIRROR (a few minutes, log: $STATE_DIR/debootstrap.log)"
    debootstrap --variant=minbase --include=ca-certificates,tini bookworm "$rootfs" "$DEBIAN_MIRROR" \
      >"$STATE_DIR/debootstrap.log" 2>&1 || die "base image: debootstrap failed (see $STATE_DIR/debootstrap.log)"
    chroot "$rootfs" sh -c 'groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/bash node' \
      || die "base image: cannot add user node"
    # The slim image ships no apt lists or docs; neither do we.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
    # /usr/local is left out so that the Node layer can be appended without duplicate paths.
    tar -C "$rootfs" --exclude=./usr/local -cf "$cache.tmp" . && mv "$cache.tmp" "$cache"
    rm -rf "$rootfs"
  fi
  local work; work=$(mktemp -d)
  mkdir -p "$work"/usr/local/{bin,sbin,etc,games,include,share,src,lib/node_modules}
  cp "$node_bin/node" "$work/usr/local/bin/node"
  local npm_dir; npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  [ -f "$npm_dir/package.json" ] || die "base image: cannot locate the host npm package (got $npm_dir)"
  cp -a "$npm_dir" "$work/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/usr/local/bin/npx"
  cp "$cache" "$work/rootfs.tar"
  tar -C "$work" -rf "$work/rootfs.tar" ./usr/local
  local version; version=$("$node_bin/node" -p process.version)
  docker_cli import \
    --change "ENV NODE_VERSION=${version#v}" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["node"]' \
    --message "offline equivalent of node:24-bookworm-slim (debootstrap bookworm minbase + tini + node $version)" \
    "$work/rootfs.tar" "$BASE_IMAGE" >/dev/null || { rm -rf "$work"; die "base image: docker import failed"; }
  rm -rf "$work"
  docker_cli run --rm "$BASE_IMAGE" sh -c 'command -v tini >/dev/null && node -e "process.exit(process.versions.node.startsWith(\"24.\") ? 0 : 1)"' \
    || die "base image: $BASE_IMAGE does not run node 24 with tini"
  log "base image: built $BASE_IMAGE offline"
}

# ---------------------------------------------------------------- commands
cmd_up() {
  mkdir -p "$STATE_DIR"
  docker_up
  registry_up
  postgres_up
  clients_up
  chromium_up
  base_up
  cmd_status
}

cmd_status() {
  local missing=()
  if docker_ok; then
    printf 'docker      up    server %s\n' "$(docker_cli version -f '{{.Server.Version}}' 2>/dev/null)"
  else
    printf 'docker      DOWN  no daemon answers (docker info)\n'; missing+=(docker)
  fi
  if registry_ok; then printf 'registry    up    http://%s/v2/\n' "$REGISTRY_ADDR"
  else printf 'registry    DOWN  nothing answers on http://%s/v2/\n' "$REGISTRY_ADDR"; missing+=(registry); fi
  if pg_ok; then printf 'postgres    up    %s:%s\n' "$PG_HOST" "$PG_PORT"
  else printf 'postgres    DOWN  nothing answers on %s:%s\n' "$PG_HOST" "$PG_PORT"; missing+=(postgres); fi
  if clients_ok; then printf 'clients     up    /usr/bin/aws, boto3\n'
  else printf 'clients     DOWN  /usr/bin/aws or python3-boto3 missing\n'; missing+=(clients); fi
  if chromium_ok; then printf 'chromium    up    /usr/bin/chromium\n'
  else printf 'chromium    DOWN  /usr/bin/chromium missing\n'; missing+=(chromium); fi
  if docker_ok && base_ok; then
    printf 'base-image  up    %s (%s)\n' "$BASE_IMAGE" "$(docker_cli image inspect -f '{{.Id}}' "$BASE_IMAGE" | cut -c1-19)"
  else printf 'base-image  DOWN  %s not present\n' "$BASE_IMAGE"; missing+=(base-image); fi
  if [ ${#missing[@]} -gt 0 ]; then
    printf '[services] missing: %s (run tools/ci/services.sh up)\n' "${missing[*]}" >&2
    return 1
  fi
}

stop_pidfile() { # stop_pidfile <name>
  local f="$STATE_DIR/$1.pid"
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    log "$1: stopping pid $pid"
    kill "$pid"
    wait_for 20 "$1" sh -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

cmd_down() {
  stop_pidfile registry
  stop_pidfile dockerd
  log "down (PostgreSQL left running: it is shared with the machine)"
}

case "${1:-}" in
  up) cmd_up ;;
  status) cmd_status ;;
  down) cmd_down ;;
  base-image) mkdir -p "$STATE_DIR"; docker_up; build_base_offline ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
