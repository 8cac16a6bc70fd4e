# docker-manage.sh in compose mode: thin wrappers around `docker compose`. Sourced, never run.

compose() {
    local cmd
    docker_engine_answers || die "$EXIT_PREREQ" "no Docker engine answers (docker info failed): start Docker, or use local mode (--local)"
    cmd=$(compose_cmd) || die "$EXIT_PREREQ" "Docker Compose is missing: install the docker-compose-plugin package (Compose v2) or docker-compose (v1)"
    local files=(-f "$ROOT/docker-compose.yaml")
    [[ ${COMPOSE_PUBLISH_PORTS:-false} == true ]] && files+=(-f "$ROOT/deploy/compose/ports.yaml")
    # the project name is given here, not in docker-compose.yaml: Compose v1 refuses a top-level `name`
    # shellcheck disable=SC2086 # "docker compose" is two words
    $cmd --env-file "$ENV_FILE" --project-directory "$ROOT" -p "${COMPOSE_PROJECT_NAME:-open-webui-java}" "${files[@]}" "$@"
}

# "service state" lines, one per container of the given services: the health when the container has a
# healthcheck, else its status. `ps -q` and `docker inspect` because Compose v1 has no `ps --format`.
compose_states() {
    local ids
    ids=$(compose ps -q "$@" 2>/dev/null) || return 0
    [[ -n $ids ]] || return 0
    # shellcheck disable=SC2086 # a list of container ids
    docker inspect --format '{{index .Config.Labels "com.docker.compose.service"}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' $ids 2>/dev/null || true
}

# -T when stdin is not a terminal, so that piped input and scripts work
compose_tty_flag() { [[ -t 0 ]] || echo "-T"; }

# Waits until every container of the long-running services reports healthy (START_TIMEOUT). Our own
# loop rather than `up --wait`, which older Compose versions fail on the one-shot file-data-init.
compose_wait_healthy() {
    local deadline=$((SECONDS + ${START_TIMEOUT:-180})) states pending
    while :; do
        states=$(compose_states postgres redis "${SERVICES[@]}" frontend)
        pending=$(awk '$2 != "healthy" {print $1}' <<<"$states" | sort -u | tr '\n' ' ')
        [[ -n $states && -z $pending ]] && return 0
        if ((SECONDS >= deadline)); then
            err "not healthy after ${START_TIMEOUT:-180}s: ${pending:-no containers}; their last log lines:"
            compose ps -a >&2 || true
            # shellcheck disable=SC2086 # a list of service names
            compose logs --tail 30 $pending >&2 || true
            exit "$EXIT_FAILURE"
        fi
        sleep 2
    done
}

compose_start() {
    step "Starting the suite with Docker Compose"
    info "Compose: $(compose_description)"
    # the counts *_REPLICAS ask for, else those `scale` remembered: `up` alone would go back to one each
    local svc scale=()
    mkdir -p "$RUN_DIR/replicas"
    apply_replica_variables
    for svc in "${SERVICES[@]}"; do
        [[ -f $RUN_DIR/replicas/$svc ]] && scale+=(--scale "$svc=$(replicas_of "$svc")")
    done
    import_on_start_compose
    compose up -d --remove-orphans "${scale[@]}" || die "$EXIT_FAILURE" "docker compose up failed (see above)"
    compose_wait_healthy
    compose_reload_gateway
    info "The suite is up: http://localhost:$(port_of WEBUI_PORT)"
}

# nginx 1.27.3 and later re-resolve the service names within 10 s by themselves; a reload makes the
# gateway use replicas that were added or restarted (new addresses) at once, and is what an older
# nginx needs to see them at all.
compose_reload_gateway() {
    [[ -n $(compose ps -q frontend 2>/dev/null) ]] || return 0
    compose kill -s SIGHUP frontend >/dev/null 2>&1 && info "The gateway re-read its upstreams."
    compose_wait_routed
}

# A healthy container is not yet a route: the reload replaces nginx's workers in the background, and
# an engine may report the health of a restarted container from before its restart. Waits until the
# gateway reaches api-service, auth-service and file-service (any answer but its own 502/503/504;
# a gateway that does not answer at all was already reported by the health wait).
compose_wait_routed() {
    local base="http://127.0.0.1:$(port_of WEBUI_PORT)" deadline=$((SECONDS + ${START_TIMEOUT:-180})) path code waiting
    while :; do
        waiting=""
        for path in /health /api/v1/auths/ /api/v1/files/; do
            code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$base$path" || true)
            [[ $code =~ ^(502|503|504)$ ]] && waiting+=" $path"
        done
        [[ -z $waiting ]] && return 0
        if ((SECONDS >= deadline)); then
            err "the gateway on $base still cannot reach:$waiting (see ./docker-manage.sh logs)"
            exit "$EXIT_FAILURE"
        fi
        sleep 1
    done
}

compose_stop() { compose down; }

compose_status() { compose ps -a; }

compose_health() {
    local failed=0 svc state
    step "Health (compose)"
    for svc in postgres redis "${SERVICES[@]}" frontend; do
        state=$(compose_states "$svc" | cut -d' ' -f2 | sort -u | paste -sd' ')
        if [[ -n $state && $state != *unhealthy* && $state != *starting* && $state == *healthy* ]]; then
            ok "$svc ($state)"
        else
            bad "$svc (${state:-not running})"
            failed=1
        fi
    done
    if curl -fsS -m 5 -o /dev/null "http://127.0.0.1:$(port_of WEBUI_PORT)/health"; then
        ok "gateway routes /health on port $(port_of WEBUI_PORT)"
    else
        bad "gateway on port $(port_of WEBUI_PORT) does not answer /health"
        failed=1
    fi
    ((failed == 0)) || exit "$EXIT_UNHEALTHY"
}

compose_logs() {
    local args=(logs --tail 200)
    [[ $FOLLOW == true ]] && args+=(-f)
    [[ -n $LOG_SERVICE ]] && args+=("$LOG_SERVICE")
    compose "${args[@]}"
}

compose_migrate() {
    compose run --rm --no-deps -e WEBUI_MIGRATE_ONLY=true -e QUARKUS_HTTP_PORT=0 api-service
}

compose_scale() {
    compose up -d --no-recreate --scale "$1=$2" "$1" || die "$EXIT_FAILURE" "docker compose could not scale $1"
    mkdir -p "$RUN_DIR/replicas"
    echo "$2" >"$RUN_DIR/replicas/$1"
    compose_wait_healthy
    compose_reload_gateway
    info "$1: $2 replica(s) (remembered for the next start)"
}
