#!/bin/sh
# The official nginx image's start-up: the /docker-entrypoint.d scripts, then the command.
set -e
if [ "${1:-}" = nginx ]; then
    for script in /docker-entrypoint.d/*.sh; do
        [ -x "$script" ] || continue
        echo "$0: running $script"
        "$script"
    done
fi
exec "$@"
