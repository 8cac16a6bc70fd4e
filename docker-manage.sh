#!/usr/bin/env bash
# Runs the open-webui-java suite: with Docker Compose when a Docker engine answers, otherwise (or
# with --local) as local processes. `./docker-manage.sh help` lists the commands; docs/operations.md
# explains them. The pieces live in deploy/manage/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for part in common compose local setup backup import; do
    # shellcheck source=/dev/null
    source "$ROOT/deploy/manage/$part.sh"
done

usage() {
    cat <<EOF
${C_BOLD}Usage:${C_OFF} ./docker-manage.sh <command> [options]     (./docker-manage.sh help <command> for details)

  setup [--local]            create .env with generated secrets, check (and in local mode install) prerequisites
  build [--jars]             build the container images (needs a Docker engine), or only the jars
  start [--local]            start the suite (compose when Docker answers, local processes otherwise)
  stop [--local]             stop the suite
  restart [--local]          stop, then start
  status                     what runs, where
  health                     readiness of every service, PostgreSQL, Redis and the gateway
  logs [service] [-f]        recent log lines (and follow)
  backup                     database + uploads + manifest into a timestamped archive
  restore <archive>          restore a backup (checks checksums and the schema version)
  shell <service>            a shell in a service's container (local mode: with its environment)
  psql [args]                psql on the suite's database
  redis-cli [args]           redis-cli on the suite's Redis
  scale <service> <n>        run n replicas of a service behind the gateway
  migrate                    apply database migrations only
  import-sqlite <webui.db>   import an Open WebUI SQLite database (webui.db) [--uploads DIR] [--dry-run] [options]
  import-postgres <url>      import an Open WebUI PostgreSQL database [--dry-run] [options]
  version                    versions of the suite, its schema and the tools

Options: --local / --compose force a mode (also WEBUI_MODE=local|compose).
Exit codes: 0 ok, 1 failed, 2 usage, 3 missing prerequisite, 4 unhealthy, 5 bad archive,
            6 backup from a newer schema, 7 not available yet.
            Imports pass the importer's codes through: 2 source refused, 3 stopped part-way.
EOF
}

command_help() {
    case $1 in
        setup) cat <<'EOF'
setup [--local]
  Copies env.example to .env (if there is none) and fills WEBUI_SECRET_KEY, POSTGRES_PASSWORD and
  REDIS_PASSWORD with random values; existing values are kept. Then checks the prerequisites:
  compose mode: docker, a running engine (Docker, or Podman's socket) and Compose (the v2 plugin, or
  docker-compose v1), and says which;
  local mode: java 17+, nginx, envsubst, curl, psql/pg_dump, redis-cli. As root on Debian it installs
  the missing ones with apt-get; otherwise it names them. It also creates the PostgreSQL role and
  database of DATABASE_URL (or POSTGRES_USER/POSTGRES_DB on LOCAL_POSTGRES_HOST) when an administrator
  connection works (LOCAL_PG_ADMIN, default postgres, or the postgres OS user).
EOF
        ;;
        build) cat <<'EOF'
build [--jars]
  Builds the four service images with Jib (./mvnw package -DskipTests -Dquarkus.container-image.build=true)
  and the frontend image (docker build -f frontend/nginx/Dockerfile frontend), tagged
  $IMAGE_PREFIX/<name>:$WEBUI_VERSION. Needs a running Docker engine (or Podman's socket) and the base
  images (eclipse-temurin:17-jre-alpine, eclipse-temurin:17-jre, nginx:1.28-alpine): one the engine
  holds is taken from it, any other is pulled. --jars builds only the jars (what local mode runs).
EOF
        ;;
        start) cat <<'EOF'
start [--local|--compose]
  Runs setup first when there is no .env. Compose mode: docker compose up -d, then waits until every
  container is healthy. Local mode: builds missing jars, starts each service jar in the background
  (pid files and logs in .run/), nginx as the gateway on WEBUI_PORT (3000), and returns once every
  service is ready, or fails with the log lines that explain why. Running it again only starts what
  is not running.
  Local mode also builds frontend/dist (the web app) when it is missing and npm is installed.
  Replicas: API_REPLICAS, AUTH_REPLICAS, FILES_REPLICAS, BRIDGE_REPLICAS (remembered like scale).
  Local ports: API_PORT 8080, BRIDGE_SOCKET_PORT 8081, BRIDGE_HTTP_PORT 9081, AUTH_PORT 8082, FILES_PORT 8083,
  WEBUI_PORT 3000; DATABASE_URL/REDIS_URL name the database and Redis; START_TIMEOUT (180 s).
EOF
        ;;
        stop) echo "stop [--local|--compose]
  Compose: docker compose down (volumes are kept). Local: SIGTERM to every service and the gateway,
  SIGKILL after STOP_TIMEOUT (30 s); no process is left behind." ;;
        restart) echo "restart [--local|--compose]
  stop, then start." ;;
        status) echo "status
  Compose: docker compose ps. Local: each instance with its pid, port and readiness." ;;
        health) echo "health
  Checks /q/health/ready of every service instance, PostgreSQL, Redis and the gateway (/health through
  it). Exit code 4 when anything is down." ;;
        logs) echo "logs [service|gateway] [-f]
  The last lines of one service's log (or all), -f to follow. Local logs are in .run/logs/." ;;
        backup) echo "backup
  Writes backups/webui-backup-<UTC time>.tar.gz (WEBUI_BACKUP_DIR) with a pg_dump of the database, the
  uploads and manifest.json (suite version, Flyway schema version, sha256 of each file). Prints the path." ;;
        restore) echo "restore <archive>
  Verifies every checksum (exit 5 on a damaged archive) and refuses a backup from a newer schema than
  this installation (exit 6). Then stops the services, replaces the database (pg_restore --clean in one
  transaction) and the uploads, and starts the services again if they were running." ;;
        shell) echo "shell <service>
  Compose: a shell inside the service's container. Local mode: a shell in .run/ with the environment
  the service gets (DATABASE_URL, REDIS_URL, ...)." ;;
        psql) echo "psql [args]
  psql connected to the suite's database (compose: inside the postgres container). Extra arguments are
  passed on, e.g. ./docker-manage.sh psql -c 'select count(*) from \"user\"'" ;;
        redis-cli) echo "redis-cli [args]
  redis-cli connected to the suite's Redis; extra arguments are passed on." ;;
        scale) echo "scale <service> <n>
  Runs n replicas of api-service, auth-service, file-service or socketio-bridge behind the gateway.
  Compose: docker compose up --scale. Local: instance i listens on the base port + (i-1)*100
  (LOCAL_REPLICA_PORT_STEP) and the gateway is reloaded." ;;
        migrate) echo "migrate
  Applies the Flyway migrations and exits (api-service with WEBUI_MIGRATE_ONLY=true). Services also
  migrate at start; Flyway's lock makes concurrent starts safe." ;;
        import-sqlite) echo "import-sqlite <webui.db> [--uploads DIR] [--dry-run] [--merge-accounts] [--settings source|target] [--assume-version X]
  Imports an Open WebUI SQLite database of any release 0.1.x - 0.11.0 (users with their passwords,
  chats, files, knowledge, models, prompts, notes, channels, groups, API keys, settings) into the
  suite's database; --uploads names Open WebUI's uploads folder so file bytes are copied too. Safe to
  run twice; after a crash run it again. --dry-run compares with the suite's database and writes
  nothing. --merge-accounts merges a source account onto an existing one with the same e-mail
  (refused otherwise); --settings source takes the source's settings over ones an admin changed;
  --assume-version X imports an unknown revision as release X. Builds importer/target/importer.jar if
  missing. See docs/importer.md." ;;
        import-postgres) echo "import-postgres <url> [--dry-run] [--merge-accounts] [--settings source|target] [--assume-version X]
  Imports an Open WebUI PostgreSQL database (postgresql://user:password@host:5432/db) of any release
  the same way, with the same options." ;;
        version) echo "version
  The suite version, the newest schema version the code knows, the database's schema version when it
  is reachable, and the versions of java, nginx, docker." ;;
        help) echo "help [command]" ;;
        *) die "$EXIT_USAGE" "unknown command '$1' (./docker-manage.sh help lists them)" ;;
    esac
}

# Splits the arguments into MODE_FLAG, FOLLOW and the remaining positional ARGS.
parse_options() {
    MODE_FLAG='' FOLLOW=false ARGS=()
    local a
    for a in "$@"; do
        case $a in
            --local) MODE_FLAG=local ;;
            --compose) MODE_FLAG=compose ;;
            -f | --follow) FOLLOW=true ;;
            -h | --help) command_help "$COMMAND"; exit 0 ;;
            *) ARGS+=("$a") ;;
        esac
    done
}

expect_args() {
    local min=$1 max=$2
    ((${#ARGS[@]} >= min && ${#ARGS[@]} <= max)) || {
        command_help "$COMMAND" >&2
        exit "$EXIT_USAGE"
    }
}

cmd_build() {
    if [[ ${ARGS[0]:-} == --jars ]]; then
        step "Building the jars"
        (cd "$ROOT" && ./mvnw -B package -DskipTests) || die "$EXIT_FAILURE" "the build failed"
        return
    fi
    docker_engine_answers || die "$EXIT_PREREQ" "building images needs a running Docker engine (Jib builds into it; the frontend is a docker build) and none answers here. Without Docker: ./docker-manage.sh build --jars, then start --local"
    local tag=${WEBUI_VERSION:-$(suite_version)} prefix=${IMAGE_PREFIX:-open-webui-java}
    step "Building the service images ($prefix/*:$tag)"
    local base modules from
    # one Maven run per base image: Jib takes a base the engine already holds from the engine
    # (docker://), so an offline machine or a locally built base works; any other is pulled
    while read -r base modules; do
        from=$base
        if docker image inspect "$base" >/dev/null 2>&1; then
            from=docker://$base
            info "Jib base for $modules: $base, from the engine"
        fi
        (cd "$ROOT" && ./mvnw -B package -DskipTests -pl "$modules" -am -Dquarkus.container-image.build=true \
            -Dquarkus.jib.base-jvm-image="$from" \
            -Dquarkus.container-image.group="$prefix" -Dquarkus.container-image.tag="$tag") || die "$EXIT_FAILURE" "the image build failed"
    done < <(jib_base_images)
    step "Building the frontend image"
    mkdir -p "$ROOT/frontend/dist"
    docker build -t "$prefix/frontend:$tag" -f "$ROOT/frontend/nginx/Dockerfile" "$ROOT/frontend" || die "$EXIT_FAILURE" "the frontend image build failed"
    info "${C_GREEN}Images built.${C_OFF}"
}

# "base-image module,module" lines: the services grouped by their quarkus.jib.base-jvm-image
jib_base_images() {
    local svc base
    for svc in "${SERVICES[@]}"; do
        base=$(sed -n 's/^quarkus\.jib\.base-jvm-image=//p' "$ROOT/$svc/src/main/resources/application.properties")
        echo "${base:?$svc names no quarkus.jib.base-jvm-image} $svc"
    done | awk '{m[$1] = m[$1] ? m[$1] "," $2 : $2} END {for (b in m) print b, m[b]}' | sort
}

cmd_shell() {
    require_service "${ARGS[0]:-}"
    if [[ $MODE == compose ]]; then
        # shellcheck disable=SC2046
        compose exec $(compose_tty_flag) "${ARGS[0]}" sh
    else
        info "Local mode runs processes, not containers: a shell in $RUN_DIR with ${ARGS[0]}'s environment (exit to leave)."
        mkdir -p "$RUN_DIR"
        (cd "$RUN_DIR" && DATABASE_URL=$(local_database_url) REDIS_URL=$(local_redis_url) UPLOAD_DIR=$(upload_dir) \
            QUARKUS_HTTP_PORT=$(instance_port "${ARGS[0]}" 1) exec "${SHELL:-bash}")
    fi
}

cmd_psql() {
    if [[ $MODE == compose ]]; then
        # shellcheck disable=SC2046
        compose exec $(compose_tty_flag) postgres sh -c 'exec psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" "$@"' psql "${ARGS[@]}"
    else
        have psql || die "$EXIT_PREREQ" "psql is missing (postgresql-client)"
        exec psql "$(libpq_url)" "${ARGS[@]}"
    fi
}

cmd_redis_cli() {
    if [[ $MODE == compose ]]; then
        # shellcheck disable=SC2046
        compose exec $(compose_tty_flag) redis redis-cli "${ARGS[@]}"
    else
        have redis-cli || die "$EXIT_PREREQ" "redis-cli is missing (redis-tools)"
        exec redis-cli -u "$(local_redis_url)" --no-auth-warning "${ARGS[@]}"
    fi
}

cmd_scale() {
    require_service "${ARGS[0]}"
    [[ ${ARGS[1]} =~ ^[1-9][0-9]?$ ]] || die "$EXIT_USAGE" "the replica count must be a number from 1 to 99, not '${ARGS[1]}'"
    if [[ $MODE == compose ]]; then compose_scale "${ARGS[0]}" "${ARGS[1]}"; else local_scale "${ARGS[0]}" "${ARGS[1]}"; fi
}

cmd_version() {
    info "open-webui-java $(suite_version)"
    info "schema: code knows up to version $(code_schema_version)"
    local db
    if [[ $MODE == local ]] && have psql && db=$(database_schema_version 2>/dev/null) && [[ -n $db ]]; then
        info "schema: database is at version $db"
    fi
    have java && info "java: $(java -version 2>&1 | head -1)"
    { have nginx || [[ -x /usr/sbin/nginx ]]; } && info "nginx: $("$(nginx_bin)" -v 2>&1)"
    have docker && info "docker: $(docker --version)"
    docker_engine_answers && info "compose: $(compose_description)"
    return 0
}

main() {
    COMMAND=${1:-help}
    (($#)) && shift
    if [[ $COMMAND == help || $COMMAND == -h || $COMMAND == --help ]]; then
        if (($#)); then command_help "$1"; else usage; fi
        return 0
    fi
    command_help "$COMMAND" >/dev/null # rejects unknown commands
    if [[ $COMMAND == psql || $COMMAND == redis-cli ]]; then
        # everything after the mode flag belongs to the client
        MODE_FLAG='' ARGS=("$@")
        case ${1:-} in --local | --compose) MODE_FLAG=${1#--} ARGS=("${@:2}") ;; esac
    else
        parse_options "$@"
    fi
    load_env
    choose_mode "$MODE_FLAG"
    case $COMMAND in
        setup) expect_args 0 0; cmd_setup ;;
        build)
            expect_args 0 1
            [[ -z ${ARGS[0]:-} || ${ARGS[0]} == --jars ]] || die "$EXIT_USAGE" "build takes only --jars"
            cmd_build
            ;;
        start)
            expect_args 0 0
            if [[ ! -f $ENV_FILE ]]; then cmd_setup; load_env; fi
            [[ $MODE == local && -z $MODE_FLAG ]] && ! local_running && info "No Docker engine answers: starting in local mode."
            if [[ $MODE == compose ]]; then compose_start; else local_start; fi
            ;;
        stop) expect_args 0 0; if [[ $MODE == compose ]]; then compose_stop; else local_stop; fi ;;
        restart)
            expect_args 0 0
            if [[ $MODE == compose ]]; then compose_stop && compose_start; else local_stop && local_start; fi
            ;;
        status) expect_args 0 0; if [[ $MODE == compose ]]; then compose_status; else local_status; fi ;;
        health) expect_args 0 0; if [[ $MODE == compose ]]; then compose_health; else local_health; fi ;;
        logs)
            expect_args 0 1
            LOG_SERVICE=${ARGS[0]:-}
            if [[ $MODE == compose ]]; then compose_logs; else local_logs; fi
            ;;
        backup) expect_args 0 0; cmd_backup ;;
        restore) expect_args 1 1; cmd_restore "${ARGS[0]}" ;;
        shell) expect_args 1 1; cmd_shell ;;
        psql) cmd_psql ;;
        redis-cli) cmd_redis_cli ;;
        scale) expect_args 2 2; cmd_scale ;;
        migrate) expect_args 0 0; if [[ $MODE == compose ]]; then compose_migrate; else local_migrate; fi ;;
        import-sqlite) cmd_import sqlite "${ARGS[@]}" ;;
        import-postgres) cmd_import postgres "${ARGS[@]}" ;;
        version) expect_args 0 0; cmd_version ;;
    esac
}

main "$@"
