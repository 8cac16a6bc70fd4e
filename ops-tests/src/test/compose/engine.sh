#!/usr/bin/env bash
# The container engine of the compose end-to-end test (ComposeStackIT): Debian's podman with its
# Docker-compatible socket, which the Docker CLI and docker-compose talk to like to a Docker engine.
#   engine.sh check     exit 0 when this machine can run it (root, podman installed or installable)
#   engine.sh install   installs and configures what is missing (apt-get), idempotent
#   engine.sh start     starts `podman system service` on $PODMAN_SOCKET (pid in $ENGINE_STATE), prints DOCKER_HOST
#   engine.sh stop      stops the service this script started (containers are left to compose down)
# Without systemd, `start` also runs the containers' healthchecks (see healthcheck_loop).
set -euo pipefail

PODMAN_SOCKET=${PODMAN_SOCKET:-/run/podman/podman.sock}
ENGINE_STATE=${ENGINE_STATE:-/run/open-webui-java-engine}
# iptables: netavark sets up the bridge networks with it (only recommended by the package)
PACKAGES=(podman runc netavark aardvark-dns iptables debootstrap docker-compose)

log() { printf '[engine] %s\n' "$*" >&2; }

missing_packages() {
    local p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
    done
}

check() {
    [[ $(id -u) == 0 ]] || { echo "not root: installing and running podman needs root"; return 1; }
    command -v apt-get >/dev/null || { echo "no apt-get: the engine is installed from Debian's packages"; return 1; }
    [[ -z $(missing_packages) ]] && return 0
    apt-cache show podman >/dev/null 2>&1 || apt-get update -qq >/dev/null 2>&1 || true
    apt-cache show podman >/dev/null 2>&1 || { echo "podman is not installable with apt-get here"; return 1; }
}

install() {
    local missing
    missing=$(missing_packages)
    if [[ -n $missing ]]; then
        log "installing $missing(apt-get)"
        apt-get update -qq >/dev/null
        # without recommends: crun (fails on this kind of machine's cgroups) and the rootless helpers stay out
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    fi
    # The Docker CLI: the machine's own when it has one, else Debian's (docker.io brings the CLI;
    # its daemon is never started).
    if ! command -v docker >/dev/null; then
        log "installing the Docker CLI (docker.io, the daemon stays off)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null
        systemctl disable --now docker.service docker.socket >/dev/null 2>&1 || true
    fi
    configure
}

# runc, not crun (crun fails on cgroups here); no default ulimits (the engine's defaults are refused
# here); netavark with aardvark-dns so that containers resolve each other by service name.
configure() {
    mkdir -p /etc/containers
    local conf=/etc/containers/containers.conf
    if ! grep -q 'open-webui-java' "$conf" 2>/dev/null; then
        log "writing $conf (runc, no default ulimits, netavark)"
        cat >"$conf" <<'CONF'
# written by open-webui-java's ops-tests/src/test/compose/engine.sh
[containers]
default_ulimits = []

[network]
network_backend = "netavark"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
    fi
    if [[ ! -f /etc/containers/registries.conf.d/50-open-webui-java.conf ]]; then
        mkdir -p /etc/containers/registries.conf.d
        # short names (postgres:16-alpine) mean docker.io/library/..., as with Docker; nothing is pulled
        printf '# written by open-webui-java engine.sh\nunqualified-search-registries = ["docker.io"]\nshort-name-mode = "permissive"\n' \
            >/etc/containers/registries.conf.d/50-open-webui-java.conf
    fi
}

# Podman runs each container's healthcheck from a systemd timer. Without systemd (this kind of machine)
# nothing runs them and every container stays "starting"; this loop does the timers' work, every
# container with a healthcheck every HEALTHCHECK_EVERY seconds.
healthcheck_loop() {
    local id
    while :; do
        for id in $(podman ps -q --filter health=starting 2>/dev/null) $(podman ps -q --filter health=healthy 2>/dev/null) \
            $(podman ps -q --filter health=unhealthy 2>/dev/null); do
            timeout 20 podman healthcheck run "$id" >/dev/null 2>&1 &
        done
        wait
        sleep "${HEALTHCHECK_EVERY:-4}"
    done
}

start_healthchecks() {
    [[ -d /run/systemd/system ]] && return 0
    local pid
    pid=$(cat "$ENGINE_STATE/healthchecks.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null && return 0
    log "no systemd: running the containers' healthchecks from a loop (pid file $ENGINE_STATE/healthchecks.pid)"
    setsid "$0" healthcheck-loop >/dev/null 2>&1 </dev/null &
    echo $! >"$ENGINE_STATE/healthchecks.pid"
}

start() {
    mkdir -p "$ENGINE_STATE"
    start_healthchecks
    if [[ -S $PODMAN_SOCKET ]] && DOCKER_HOST=unix://$PODMAN_SOCKET timeout 10 docker version >/dev/null 2>&1; then
        echo "unix://$PODMAN_SOCKET"
        return 0
    fi
    mkdir -p "$(dirname "$PODMAN_SOCKET")" "$ENGINE_STATE"
    rm -f "$PODMAN_SOCKET"
    log "starting podman system service on $PODMAN_SOCKET"
    setsid podman system service --time=0 "unix://$PODMAN_SOCKET" >"$ENGINE_STATE/service.log" 2>&1 </dev/null &
    echo $! >"$ENGINE_STATE/service.pid"
    local i
    for i in $(seq 1 60); do
        if [[ -S $PODMAN_SOCKET ]] && DOCKER_HOST=unix://$PODMAN_SOCKET timeout 5 docker version >/dev/null 2>&1; then
            echo "unix://$PODMAN_SOCKET"
            return 0
        fi
        sleep 0.5
    done
    log "podman system service did not answer; its log:"
    cat "$ENGINE_STATE/service.log" >&2
    return 1
}

stop() {
    local pid
    pid=$(cat "$ENGINE_STATE/healthchecks.pid" 2>/dev/null) && kill -- "-$pid" 2>/dev/null
    rm -f "$ENGINE_STATE/healthchecks.pid"
    pid=$(cat "$ENGINE_STATE/service.pid" 2>/dev/null) || return 0
    if kill -0 "$pid" 2>/dev/null; then
        log "stopping podman system service (pid $pid)"
        kill "$pid"
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$ENGINE_STATE/service.pid" "$PODMAN_SOCKET"
}

case ${1:-} in
    check) check ;;
    install) install ;;
    start) start ;;
    stop) stop ;;
    healthcheck-loop) healthcheck_loop ;;
    *) echo "usage: engine.sh check|install|start|stop" >&2; exit 2 ;;
esac
