#!/usr/bin/env bash
# Builds the stand-ins for the base images the suite's images start from, under the exact names
# docker-compose.yaml, the Jib settings and frontend/nginx/Dockerfile use, from Debian packages only
# (this machine reaches no image registry). Each is built once per machine: an image whose
# `open-webui-java.stand-in` label matches the hash of its recipe is kept.
#   base-images.sh names    the image names, one a line
#   base-images.sh build    builds what is missing or out of date (podman)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RECIPES=$HERE/stand-ins
MINBASE=localhost/open-webui-java-stand-in/debian:bookworm-minbase
# name | Containerfile | build argument
IMAGES=(
    "docker.io/library/postgres:16-alpine|postgres.Containerfile|"
    "docker.io/library/redis:7-alpine|redis.Containerfile|"
    "docker.io/library/eclipse-temurin:17-jre-alpine|jre.Containerfile|HTTP_TOOL=wget"
    "docker.io/library/eclipse-temurin:17-jre|jre.Containerfile|HTTP_TOOL=curl"
    "docker.io/library/nginx:1.28-alpine|nginx.Containerfile|"
)

log() { printf '[base-images] %s\n' "$*" >&2; }

minbase() {
    podman image exists "$MINBASE" && return 0
    local tree started=$SECONDS
    tree=$(mktemp -d /var/tmp/open-webui-java-minbase.XXXXXX)
    log "debootstrap --variant=minbase bookworm (once per machine)"
    debootstrap --variant=minbase bookworm "$tree" http://deb.debian.org/debian >"$tree.log" 2>&1 || {
        tail -20 "$tree.log" >&2
        rm -rf "$tree" "$tree.log"
        return 1
    }
    # as in Debian's official images: services are never started by package scripts, no recommends,
    # no apt caches kept
    printf '#!/bin/sh\nexit 101\n' >"$tree/usr/sbin/policy-rc.d"
    chmod +x "$tree/usr/sbin/policy-rc.d"
    printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$tree/etc/apt/apt.conf.d/90-no-recommends"
    cp /etc/apt/sources.list.d/debian.sources "$tree/etc/apt/sources.list.d/" 2>/dev/null || true
    [[ -f $tree/etc/apt/sources.list.d/debian.sources ]] && rm -f "$tree/etc/apt/sources.list"
    rm -rf "$tree"/var/cache/apt/archives/*.deb "$tree"/var/lib/apt/lists/*
    tar -C "$tree" --numeric-owner -c . | podman import -q \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["bash"]' - "$MINBASE" >/dev/null
    rm -rf "$tree" "$tree.log"
    log "$MINBASE imported ($((SECONDS - started))s)"
}

recipe_hash() {
    local file=$1 arg=$2
    cat "$RECIPES/$file" "$RECIPES"/*.sh "$RECIPES"/*.conf <(echo "$arg") | sha256sum | cut -c1-16
}

build() {
    minbase
    local entry name file arg hash current started
    for entry in "${IMAGES[@]}"; do
        IFS='|' read -r name file arg <<<"$entry"
        hash=$(recipe_hash "$file" "$arg")
        current=$(podman image inspect --format '{{index .Labels "open-webui-java.stand-in"}}' "$name" 2>/dev/null || true)
        if [[ $current == "$hash" ]]; then
            log "$name: cached"
            continue
        fi
        started=$SECONDS
        log "$name: building the stand-in from $file${arg:+ ($arg)}"
        podman build -q --network host --pull=never --label "open-webui-java.stand-in=$hash" \
            ${arg:+--build-arg "$arg"} -t "$name" -f "$RECIPES/$file" "$RECIPES" >/dev/null
        log "$name: built ($((SECONDS - started))s)"
    done
    podman image prune -f >/dev/null 2>&1 || true
}

case ${1:-} in
    names) for entry in "${IMAGES[@]}"; do echo "${entry%%|*}"; done ;;
    build) build ;;
    *) echo "usage: base-images.sh names|build" >&2; exit 2 ;;
esac
