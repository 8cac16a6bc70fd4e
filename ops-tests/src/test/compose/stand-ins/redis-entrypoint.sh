#!/bin/sh
# The official redis image's start-up: options alone mean redis-server; as root, /data is handed to
# the redis user and the server runs as that user.
set -eu
case "${1:-}" in -*) set -- redis-server "$@" ;; esac
if [ "${1:-}" = redis-server ] && [ "$(id -u)" = 0 ]; then
    chown -R redis:redis /data
    exec setpriv --reuid=redis --regid=redis --init-groups "$@"
fi
exec "$@"
