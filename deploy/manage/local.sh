# docker-manage.sh in local mode: every service from its jar as a background process, nginx as the
# gateway, all state (pid files, logs, rendered nginx config) under $RUN_DIR. Sourced, never run.

# Instance i (1-based) of a service listens on its base port + (i-1) * LOCAL_REPLICA_PORT_STEP.
replica_step() { echo "${LOCAL_REPLICA_PORT_STEP:-100}"; }

replicas_of() {
    local svc=$1 file="$RUN_DIR/replicas/$1" n=1
    [[ -f $file ]] && n=$(<"$file")
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "$EXIT_USAGE" "bad replica count '$n' in $file"
    echo "$n"
}

# The variable that asks start for a number of replicas of a service (API_REPLICAS=2 ./docker-manage.sh start --local).
replicas_var() {
    case $1 in
        api-service) echo API_REPLICAS ;;
        auth-service) echo AUTH_REPLICAS ;;
        file-service) echo FILES_REPLICAS ;;
        socketio-bridge) echo BRIDGE_REPLICAS ;;
    esac
}

# start remembers the counts the *_REPLICAS variables ask for, as scale does.
apply_replica_variables() {
    local svc var value
    for svc in "${SERVICES[@]}"; do
        var=$(replicas_var "$svc")
        value=${!var:-}
        [[ -n $value ]] || continue
        [[ $value =~ ^[1-9][0-9]?$ ]] || die "$EXIT_USAGE" "$var must be a number from 1 to 99, not '$value'"
        echo "$value" >"$RUN_DIR/replicas/$svc"
    done
}

instance_port() { echo $(($(port_of "$(port_var "$1")") + ($2 - 1) * $(replica_step))); }
socket_port() { echo $(($(port_of BRIDGE_SOCKET_PORT) + ($1 - 1) * $(replica_step))); }
jar_of() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
pid_file() { echo "$RUN_DIR/pids/$1.pid"; }
log_file() { echo "$RUN_DIR/logs/$1.log"; }

# The pid in a pid file, if that process is alive and is ours (its command line names our run dir).
live_pid() {
    local file=$1 pid
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$RUN_DIR" || return 1
    echo "$pid"
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

http_ok() {
    curl -fsS -m 3 -o /dev/null "$1" 2>/dev/null
}

ready_url() { echo "http://127.0.0.1:$(instance_port "$1" "$2")/q/health/ready"; }

check_local_prerequisites() {
    local missing=()
    have java || missing+=("java (openjdk-17-jre-headless)")
    have curl || missing+=("curl")
    have nginx || [[ -x /usr/sbin/nginx ]] || missing+=("nginx")
    have envsubst || missing+=("envsubst (gettext-base)")
    ((${#missing[@]} == 0)) || die "$EXIT_PREREQ" "local mode needs: ${missing[*]} — run ./docker-manage.sh setup --local (installs them as root on Debian)"
}

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }

build_missing_jars() {
    local svc missing=()
    for svc in "${SERVICES[@]}"; do
        [[ -f $(jar_of "$svc") ]] || missing+=("$svc")
    done
    # the web app the gateway serves (frontend/dist), when npm is there to build it
    if [[ ${1:-} == --with-web-app && ! -f $ROOT/frontend/dist/index.html ]]; then
        if have npm; then missing+=(frontend); else warn "no web app in frontend/dist and no npm to build it: the gateway serves the API only (install Node.js 20+ and npm)"; fi
    fi
    ((${#missing[@]} == 0)) && return 0
    step "Building ${missing[*]} (not built yet)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl "$(
        IFS=,
        echo "${missing[*]}"
    )" -am) || die "$EXIT_FAILURE" "the build failed; run ./mvnw -B package -DskipTests to see why"
}

check_infrastructure() {
    local url redis
    url=$(libpq_url)
    if have pg_isready && ! pg_isready -q -d "$url" -t 5; then
        die "$EXIT_PREREQ" "PostgreSQL does not answer at $(mask_url "$url"): start it, or set DATABASE_URL (then ./docker-manage.sh setup --local creates the role and database)"
    fi
    redis=$(local_redis_url)
    if have redis-cli && [[ $(redis-cli -u "$redis" --no-auth-warning ping 2>/dev/null) != PONG ]]; then
        die "$EXIT_PREREQ" "Redis does not answer PING at $(mask_url "$redis"): start it or set REDIS_URL"
    fi
}

mask_url() { sed -E 's#://([^:/@]*):[^@/]*@#://\1:***@#' <<<"$1"; }

# The JVM flags and memory settings every deployment shares (NAME=value lines), as env assignments.
jvm_env_file() { echo "${JVM_ENV_FILE:-$ROOT/deploy/kubernetes/jvm.env}"; }
jvm_environment() {
    local file line
    file=$(jvm_env_file)
    while IFS= read -r line || [[ -n $line ]]; do
        [[ $line =~ ^[A-Z_][A-Z0-9_]*= ]] && printf '%s\n' "$line"
    done <"$file"
}

# The feature version of the java on PATH (17, 21, 25, ...), read once.
java_feature_version() {
    [[ -n ${JAVA_FEATURE_VERSION:-} ]] ||
        JAVA_FEATURE_VERSION=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    echo "${JAVA_FEATURE_VERSION:-0}"
}

# Java 19+: a class-data archive per service, written when the service first stops and mapped at every
# later start (rebuilt by the JVM itself when the jar changed); Java 17 keeps its default archive.
class_data_flags() {
    local version
    version=$(java_feature_version)
    [[ $version =~ ^[0-9]+$ ]] && ((version >= 19)) || return 0
    mkdir -p "$RUN_DIR/cds"
    echo "-XX:SharedArchiveFile=$RUN_DIR/cds/$1.jsa -XX:+AutoCreateSharedArchive"
}

# Starts one instance unless it already runs.
start_instance() {
    local svc=$1 i=$2 name="$1-$2" port pid jar
    port=$(instance_port "$svc" "$i")
    jar=$(jar_of "$svc")
    if pid=$(live_pid "$(pid_file "$name")"); then
        info "  $name already running (pid $pid, port $port)"
        return 0
    fi
    port_in_use "$port" && die "$EXIT_FAILURE" "port $port (for $name) is taken by another program: stop it or set $(port_var "$svc")"
    local env=(QUARKUS_HTTP_PORT="$port" DATABASE_URL="$(local_database_url)" REDIS_URL="$(local_redis_url)"
        UPLOAD_DIR="$(upload_dir)" DATA_DIR="$(data_dir)")
    if [[ $svc == socketio-bridge ]]; then
        local sport
        sport=$(socket_port "$i")
        port_in_use "$sport" && die "$EXIT_FAILURE" "port $sport (socket of $name) is taken by another program: stop it or set BRIDGE_SOCKET_PORT"
        env+=(BRIDGE_SOCKET_PORT="$sport")
    fi
    # api-service asks file-service for the context of attached files (the first instance is enough)
    if [[ $svc == api-service ]]; then
        env+=(FILE_SERVICE_URL="http://127.0.0.1:$(instance_port file-service 1)")
    fi
    # file-service has uploaded audio transcribed by api-service's speech engines
    if [[ $svc == file-service ]]; then
        env+=(API_SERVICE_URL="http://127.0.0.1:$(instance_port api-service 1)")
    fi
    mkdir -p "$(upload_dir)"
    local jvm
    [[ -f $(jvm_env_file) ]] || die "$EXIT_FAILURE" "$(jvm_env_file) is missing: it holds the services' JVM flags (restore it from git)"
    mapfile -t jvm < <(jvm_environment)
    env+=("${jvm[@]}")
    # shellcheck disable=SC2046,SC2086 # flag lists
    (cd "$RUN_DIR" && exec env "${env[@]}" setsid java $(class_data_flags "$svc") ${LOCAL_JAVA_OPTS:-} \
        -Dwebui.run-dir="$RUN_DIR" -Dwebui.instance="$name" -jar "$jar" \
        >>"$(log_file "$name")" 2>&1 </dev/null) &
    echo $! >"$(pid_file "$name")"
    info "  $name starting (pid $!, port $port)"
}

# SIGTERM to every instance named by the pid files at once, then waits; SIGKILL after STOP_TIMEOUT.
stop_pid_files() {
    local file pid names=() pids=()
    for file in "$@"; do
        if pid=$(live_pid "$file"); then
            kill -TERM "$pid" 2>/dev/null || true
            names+=("$(basename "$file" .pid)")
            pids+=("$pid")
        fi
        rm -f "$file"
    done
    local i deadline=$((SECONDS + ${STOP_TIMEOUT:-30}))
    for i in "${!pids[@]}"; do
        while kill -0 "${pids[i]}" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
        if kill -0 "${pids[i]}" 2>/dev/null; then
            warn "${names[i]} did not stop in ${STOP_TIMEOUT:-30}s; killing it"
            kill -KILL "${pids[i]}" 2>/dev/null || true
        fi
        info "  ${names[i]} stopped"
    done
}

gateway_upstream() {
    local svc=$1 i list=()
    for ((i = 1; i <= $(replicas_of "$svc"); i++)); do
        if [[ $svc == socketio-bridge ]]; then
            list+=("127.0.0.1:$(socket_port "$i")")
        else
            list+=("127.0.0.1:$(instance_port "$svc" "$i")")
        fi
    done
    (
        IFS=,
        echo "${list[*]}"
    )
}

# Open files for the gateway's worker: 65536, or the hard limit of this shell when lower (an
# unprivileged nginx cannot raise it past that).
gateway_open_files() {
    local hard
    hard=$(ulimit -Hn)
    if [[ $hard == unlimited || $hard -gt 65536 ]]; then
        echo 65536
    else
        echo "$hard"
    fi
}

write_gateway_config() {
    local dir="$RUN_DIR/nginx" static="$ROOT/frontend/dist"
    mkdir -p "$dir/tmp"
    [[ -d $static ]] || static="$dir/empty"
    mkdir -p "$static"
    API_UPSTREAM=$(gateway_upstream api-service) AUTH_UPSTREAM=$(gateway_upstream auth-service) \
        FILES_UPSTREAM=$(gateway_upstream file-service) SOCKET_UPSTREAM=$(gateway_upstream socketio-bridge) \
        GATEWAY_PORT=$(port_of WEBUI_PORT) GATEWAY_RESOLVER='' GATEWAY_STATIC_ROOT="$static" \
        GATEWAY_ACCESS_LOG="$(log_file gateway)" \
        sh "$ROOT/frontend/nginx/render-gateway.sh" "$ROOT/frontend/nginx/gateway.conf.template" "$dir/gateway.conf"
    # each proxied socket holds two connections (browser and service): the open-files limit bounds them
    local files
    files=$(gateway_open_files)
    cat >"$dir/nginx.conf" <<EOF
# written by docker-manage.sh (local mode); the routing is in gateway.conf
worker_processes 1;
worker_rlimit_nofile $files;
pid $(pid_file gateway);
error_log $(log_file gateway-error) warn;
events { worker_connections $((files - 32)); }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/gateway.conf;
}
EOF
}

start_gateway() {
    local conf="$RUN_DIR/nginx/nginx.conf" pid nginx output
    nginx=$(nginx_bin)
    write_gateway_config
    output=$("$nginx" -t -q -e "$(log_file gateway-error)" -p "$RUN_DIR/nginx" -c "$conf" 2>&1) ||
        die "$EXIT_FAILURE" "the gateway configuration is invalid: $output"
    if pid=$(live_pid "$(pid_file gateway)"); then
        kill -HUP "$pid"
        info "  gateway reloaded (pid $pid, port $(port_of WEBUI_PORT))"
        return 0
    fi
    port_in_use "$(port_of WEBUI_PORT)" && die "$EXIT_FAILURE" "port $(port_of WEBUI_PORT) (gateway) is taken by another program: stop it or set WEBUI_PORT"
    "$nginx" -e "$(log_file gateway-error)" -p "$RUN_DIR/nginx" -c "$conf" ||
        die "$EXIT_FAILURE" "nginx did not start: $(tail -5 "$(log_file gateway-error)")"
    info "  gateway starting (port $(port_of WEBUI_PORT))"
}

# Prints what explains a failed start: the lines that name an error, else the log's tail.
explain_failure() {
    local log=$1 lines
    lines=$(grep -E 'ERROR|Exception|refus|not set|malformed|failed|Address already in use' "$log" | tail -15 || true)
    [[ -n $lines ]] || lines=$(tail -20 "$log")
    printf '%s\n' "$lines" | sed 's/^/    | /' >&2
}

wait_until_ready() {
    local deadline=$((SECONDS + ${START_TIMEOUT:-180})) pending svc i name pid
    while :; do
        pending=()
        for svc in "${SERVICES[@]}"; do
            for ((i = 1; i <= $(replicas_of "$svc"); i++)); do
                name="$svc-$i"
                if ! pid=$(live_pid "$(pid_file "$name")"); then
                    err "$name exited during start-up; from $(log_file "$name"):"
                    explain_failure "$(log_file "$name")"
                    rm -f "$(pid_file "$name")"
                    exit "$EXIT_FAILURE"
                fi
                http_ok "$(ready_url "$svc" "$i")" || pending+=("$name")
            done
        done
        if ((${#pending[@]} == 0)) && http_ok "http://127.0.0.1:$(port_of WEBUI_PORT)/health"; then
            return 0
        fi
        if ((SECONDS >= deadline)); then
            err "not ready after ${START_TIMEOUT:-180}s: ${pending[*]:-gateway}"
            for name in "${pending[@]}"; do
                err "$name, from $(log_file "$name"):"
                explain_failure "$(log_file "$name")"
            done
            ((${#pending[@]})) || explain_failure "$(log_file gateway-error)"
            exit "$EXIT_FAILURE"
        fi
        sleep 0.5
    done
}

local_start() {
    mkdir -p "$RUN_DIR/replicas"
    apply_replica_variables
    local_start_instances
}

# Starts what is missing for the remembered replica counts (scale sets one and skips the variables).
local_start_instances() {
    check_local_prerequisites
    mkdir -p "$RUN_DIR/pids" "$RUN_DIR/logs" "$RUN_DIR/replicas"
    check_infrastructure
    build_missing_jars --with-web-app
    import_on_start_local
    step "Starting the suite in local mode (state in $RUN_DIR)"
    local svc i file n
    for svc in "${SERVICES[@]}"; do
        n=$(replicas_of "$svc")
        for ((i = 1; i <= n; i++)); do start_instance "$svc" "$i"; done
        # replicas beyond the wanted count (after scaling down)
        for file in "$RUN_DIR/pids/$svc"-*.pid; do
            [[ -e $file ]] || continue
            i=${file##*-}
            i=${i%.pid}
            if ((i > n)); then stop_pid_files "$file"; fi
        done
    done
    start_gateway
    wait_until_ready
    info "${C_GREEN}The suite is ready:${C_OFF} http://127.0.0.1:$(port_of WEBUI_PORT)  (logs: ./docker-manage.sh logs)"
}

# Stops the services (not the gateway); used by restore, which needs the database to itself.
local_stop_services() {
    local file files=()
    for file in "$RUN_DIR"/pids/*.pid; do
        [[ -e $file && $(basename "$file") != gateway.pid ]] && files+=("$file")
    done
    ((${#files[@]} == 0)) || stop_pid_files "${files[@]}"
}

local_stop() {
    step "Stopping local mode"
    local_stop_services
    [[ ! -e $(pid_file gateway) ]] || stop_pid_files "$(pid_file gateway)"
}

local_status() {
    local svc i name pid port state
    printf '%-20s %-8s %-6s %s\n' INSTANCE PID PORT STATE
    for svc in "${SERVICES[@]}"; do
        for ((i = 1; i <= $(replicas_of "$svc"); i++)); do
            name="$svc-$i"
            port=$(instance_port "$svc" "$i")
            if pid=$(live_pid "$(pid_file "$name")"); then
                http_ok "$(ready_url "$svc" "$i")" && state="${C_GREEN}ready${C_OFF}" || state="${C_YELLOW}not ready${C_OFF}"
            else
                pid=- state="${C_RED}stopped${C_OFF}"
            fi
            printf '%-20s %-8s %-6s %s\n' "$name" "$pid" "$port" "$state"
        done
    done
    if pid=$(live_pid "$(pid_file gateway)"); then state="${C_GREEN}running${C_OFF}"; else pid=- state="${C_RED}stopped${C_OFF}"; fi
    printf '%-20s %-8s %-6s %s\n' gateway "$pid" "$(port_of WEBUI_PORT)" "$state"
}

local_health() {
    local failed=0 svc i url
    step "Health (local mode)"
    for svc in "${SERVICES[@]}"; do
        for ((i = 1; i <= $(replicas_of "$svc"); i++)); do
            url=$(ready_url "$svc" "$i")
            if http_ok "$url"; then ok "$svc-$i ready ($url)"; else
                bad "$svc-$i not ready ($url)"
                failed=1
            fi
        done
    done
    if have psql; then
        if psql "$(libpq_url)" -Atqc 'SELECT 1' >/dev/null 2>&1 </dev/null; then ok "postgresql $(mask_url "$(libpq_url)")"; else
            bad "postgresql $(mask_url "$(libpq_url)")"
            failed=1
        fi
    fi
    if have redis-cli; then
        if [[ $(redis-cli -u "$(local_redis_url)" --no-auth-warning ping 2>/dev/null) == PONG ]]; then ok "redis $(mask_url "$(local_redis_url)")"; else
            bad "redis $(mask_url "$(local_redis_url)")"
            failed=1
        fi
    fi
    url="http://127.0.0.1:$(port_of WEBUI_PORT)"
    if http_ok "$url/gateway/health" && http_ok "$url/health"; then ok "gateway $url (routes /health to api-service)"; else
        bad "gateway $url"
        failed=1
    fi
    ((failed == 0)) || exit "$EXIT_UNHEALTHY"
}

local_logs() {
    local files=() name
    if [[ -n $LOG_SERVICE ]]; then
        if [[ $LOG_SERVICE == gateway || $LOG_SERVICE == frontend ]]; then
            name=gateway
        else
            require_service "$LOG_SERVICE"
            name=$LOG_SERVICE
        fi
        files=("$RUN_DIR/logs/$name"*.log)
    else
        files=("$RUN_DIR"/logs/*.log)
    fi
    [[ -e ${files[0]} ]] || die "$EXIT_FAILURE" "no logs in $RUN_DIR/logs yet (start the suite first)"
    if [[ $FOLLOW == true ]]; then tail -n 50 -F "${files[@]}"; else tail -n 100 "${files[@]}"; fi
}

# Runs the migrations alone: api-service's jar applies them and exits.
local_migrate() {
    build_missing_jars
    step "Migrating $(mask_url "$(local_database_url)")"
    (cd "${TMPDIR:-/tmp}" && WEBUI_MIGRATE_ONLY=true QUARKUS_HTTP_PORT=0 DATABASE_URL="$(local_database_url)" \
        REDIS_URL="$(local_redis_url)" java -jar "$(jar_of api-service)") || die "$EXIT_FAILURE" "the migration failed (see above)"
}

local_scale() {
    local svc=$1 n=$2
    mkdir -p "$RUN_DIR/replicas"
    echo "$n" >"$RUN_DIR/replicas/$svc"
    local_start_instances
}
