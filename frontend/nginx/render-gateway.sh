#!/bin/sh
# Renders gateway.conf.template into an nginx http-context file. Used by the frontend image (as a
# /docker-entrypoint.d script) and by docker-manage.sh in local mode.
#
# Upstreams are lists of host:port (comma or space separated), one entry per replica:
#   API_UPSTREAM (api-service:8080)  AUTH_UPSTREAM (auth-service:8082)
#   FILES_UPSTREAM (file-service:8083)  SOCKET_UPSTREAM (socketio-bridge:8081)
# GATEWAY_RESOLVER (e.g. 127.0.0.11, Docker's DNS, or `auto`: the one in /etc/resolv.conf) makes nginx
# re-resolve every name, so that `docker compose up --scale api-service=3` puts all three replicas
# behind the gateway.
# Usage: render-gateway.sh [template] [output]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
template=${1:-${GATEWAY_TEMPLATE:-$here/gateway.conf.template}}
output=${2:-${GATEWAY_OUTPUT:-/etc/nginx/conf.d/default.conf}}

: "${API_UPSTREAM:=api-service:8080}"
: "${AUTH_UPSTREAM:=auth-service:8082}"
: "${FILES_UPSTREAM:=file-service:8083}"
: "${SOCKET_UPSTREAM:=socketio-bridge:8081}"
: "${GATEWAY_PORT:=8080}"
: "${GATEWAY_RESOLVER:=}"
: "${GATEWAY_MAX_BODY_SIZE:=50m}"
: "${GATEWAY_READ_TIMEOUT:=300s}"
: "${GATEWAY_STATIC_ROOT:=/usr/share/nginx/html}"
: "${GATEWAY_ACCESS_LOG:=/var/log/nginx/access.log}"

# "a:1,b:2" -> "    server a:1 <params>;" lines
server_lines() {
    list=$(printf '%s' "$1" | tr ',' ' ')
    [ -n "$(printf '%s' "$list" | tr -d ' ')" ] || { echo "render-gateway: empty upstream list" >&2; exit 2; }
    for address in $list; do
        case "$address" in
            *:[0-9]*) ;;
            *) echo "render-gateway: '$address' is not host:port" >&2; exit 2 ;;
        esac
        printf '    server %s%s;\n' "$address" "$2"
    done
}

# "auto": the container's own DNS server, from /etc/resolv.conf (Docker: 127.0.0.11; Podman: the
# network's aardvark-dns address)
if [ "$GATEWAY_RESOLVER" = auto ]; then
    GATEWAY_RESOLVER=$(awk '$1 == "nameserver" {print $2; exit}' /etc/resolv.conf 2>/dev/null || true)
    [ -n "$GATEWAY_RESOLVER" ] || { echo "render-gateway: GATEWAY_RESOLVER=auto but /etc/resolv.conf names no nameserver" >&2; exit 2; }
    case "$GATEWAY_RESOLVER" in *:*) GATEWAY_RESOLVER="[$GATEWAY_RESOLVER]" ;; esac
fi

# `resolve` on an upstream server needs nginx 1.27.3 or later; the nginx image names its version in
# NGINX_VERSION. An older one resolves the names once, when it (re)loads its configuration.
resolve_supported() {
    [ -n "${NGINX_VERSION:-}" ] || return 0
    [ "$(printf '%s\n1.27.3\n' "$NGINX_VERSION" | sort -V | head -1)" = 1.27.3 ]
}

if [ -n "$GATEWAY_RESOLVER" ] && resolve_supported; then
    resolve=" resolve max_fails=0"
    GATEWAY_RESOLVER_LINE="resolver $GATEWAY_RESOLVER valid=10s ipv6=off;"
elif [ -n "$GATEWAY_RESOLVER" ]; then
    echo "render-gateway: nginx $NGINX_VERSION cannot re-resolve upstream names (1.27.3 can): replicas added later are used after a reload (nginx -s reload)" >&2
    resolve=" max_fails=1 fail_timeout=5s"
    GATEWAY_RESOLVER_LINE="resolver $GATEWAY_RESOLVER valid=10s ipv6=off;"
else
    resolve=" max_fails=1 fail_timeout=5s"
    GATEWAY_RESOLVER_LINE="# no resolver: upstream addresses are resolved once, at start"
fi
API_SERVERS=$(server_lines "$API_UPSTREAM" "$resolve")
AUTH_SERVERS=$(server_lines "$AUTH_UPSTREAM" "$resolve")
FILES_SERVERS=$(server_lines "$FILES_UPSTREAM" "$resolve")
SOCKET_SERVERS=$(server_lines "$SOCKET_UPSTREAM" "$resolve")
export GATEWAY_RESOLVER_LINE API_SERVERS AUTH_SERVERS FILES_SERVERS SOCKET_SERVERS GATEWAY_PORT \
    GATEWAY_MAX_BODY_SIZE GATEWAY_READ_TIMEOUT GATEWAY_STATIC_ROOT GATEWAY_ACCESS_LOG

# Only our placeholders are substituted; nginx's own $variables pass through untouched.
envsubst '${GATEWAY_RESOLVER_LINE} ${API_SERVERS} ${AUTH_SERVERS} ${FILES_SERVERS} ${SOCKET_SERVERS} ${GATEWAY_PORT} ${GATEWAY_MAX_BODY_SIZE} ${GATEWAY_READ_TIMEOUT} ${GATEWAY_STATIC_ROOT} ${GATEWAY_ACCESS_LOG}' \
    < "$template" > "$output"
