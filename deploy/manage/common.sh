# Shared pieces of docker-manage.sh: exit codes, output, settings, service layout, mode detection.
# Sourced, never run.
# shellcheck disable=SC2034 # the exit codes and colours are used by the other parts

readonly EXIT_FAILURE=1       # a step failed (the message says which)
readonly EXIT_USAGE=2         # unknown command or bad arguments
readonly EXIT_PREREQ=3        # something to install or start first
readonly EXIT_UNHEALTHY=4     # health: something is down
readonly EXIT_BAD_ARCHIVE=5   # restore: missing file or checksum mismatch
readonly EXIT_NEWER_SCHEMA=6  # restore: the backup is from a newer schema than this installation
readonly EXIT_UNAVAILABLE=7   # the command exists but its feature is not available yet

if [[ -t 1 && -z ${NO_COLOR:-} ]]; then
    C_RED=$'\e[31m' C_GREEN=$'\e[32m' C_YELLOW=$'\e[33m' C_BOLD=$'\e[1m' C_OFF=$'\e[0m'
else
    C_RED='' C_GREEN='' C_YELLOW='' C_BOLD='' C_OFF=''
fi
if [[ -t 2 && -z ${NO_COLOR:-} ]]; then
    E_RED=$'\e[31m' E_YELLOW=$'\e[33m' E_OFF=$'\e[0m'
else
    E_RED='' E_YELLOW='' E_OFF=''
fi

info() { printf '%s\n' "$*"; }
step() { printf '%s==>%s %s\n' "$C_BOLD" "$C_OFF" "$*"; }
ok() { printf '  %sok%s    %s\n' "$C_GREEN" "$C_OFF" "$*"; }
bad() { printf '  %sDOWN%s  %s\n' "$C_RED" "$C_OFF" "$*"; }
warn() { printf '%swarning:%s %s\n' "$E_YELLOW" "$E_OFF" "$*" >&2; }
err() { printf '%serror:%s %s\n' "$E_RED" "$E_OFF" "$*" >&2; }
die() {
    local code=$1
    shift
    err "$*"
    exit "$code"
}
have() { command -v "$1" >/dev/null 2>&1; }

ENV_FILE=${WEBUI_ENV_FILE:-$ROOT/.env}
RUN_DIR=${WEBUI_RUN_DIR:-$ROOT/.run}
BACKUP_DIR=${WEBUI_BACKUP_DIR:-$ROOT/backups}
MIGRATIONS_DIR=$ROOT/common/src/main/resources/db/migration

# Reads .env without executing it; variables already in the environment win.
load_env() {
    [[ -f $ENV_FILE ]] || return 0
    local line key value
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%$'\r'}
        [[ $line =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
        key=${BASH_REMATCH[1]}
        value=${BASH_REMATCH[2]}
        if [[ $value =~ ^\"(.*)\"$ || $value =~ ^\'(.*)\'$ ]]; then
            value=${BASH_REMATCH[1]}
        fi
        [[ -n ${!key+set} ]] || export "$key=$value"
    done <"$ENV_FILE"
}

## The services and their ports (docs/architecture.md); each may be overridden for local mode.
SERVICES=(api-service auth-service file-service socketio-bridge)

# The variable holding a service's HTTP port (for the bridge: its health/metrics port).
port_var() {
    case $1 in
        api-service) echo API_PORT ;;
        auth-service) echo AUTH_PORT ;;
        file-service) echo FILES_PORT ;;
        socketio-bridge) echo BRIDGE_HTTP_PORT ;;
        *) return 1 ;;
    esac
}

default_port() {
    case $1 in
        API_PORT) echo 8080 ;;
        BRIDGE_SOCKET_PORT) echo 8081 ;;
        AUTH_PORT) echo 8082 ;;
        FILES_PORT) echo 8083 ;;
        BRIDGE_HTTP_PORT) echo 9081 ;;
        WEBUI_PORT) echo 3000 ;;
    esac
}

port_of() {
    local var=$1
    local value=${!var:-$(default_port "$var")}
    [[ $value =~ ^[0-9]+$ ]] && ((value > 0 && value < 65536)) || die "$EXIT_USAGE" "$var must be a port number, not '$value'"
    echo "$value"
}

is_service() {
    local s
    for s in "${SERVICES[@]}"; do [[ $s == "$1" ]] && return 0; done
    return 1
}

require_service() {
    is_service "${1:-}" || die "$EXIT_USAGE" "unknown service '${1:-}': choose one of ${SERVICES[*]}"
}

## Where the data lives (local mode); compose keeps it in its volumes.
local_database_url() {
    if [[ -n ${DATABASE_URL:-} ]]; then
        echo "$DATABASE_URL"
    else
        echo "postgresql://${POSTGRES_USER:-webui}:${POSTGRES_PASSWORD:-}@${LOCAL_POSTGRES_HOST:-127.0.0.1}:${LOCAL_POSTGRES_PORT:-5432}/${POSTGRES_DB:-webui}"
    fi
}

# libpq does not know SQLAlchemy's driver suffix (postgresql+psycopg2://).
libpq_url() {
    local url
    url=$(local_database_url)
    echo "${url/#postgresql+*:\/\//postgresql://}"
}

local_redis_url() { echo "${REDIS_URL:-redis://127.0.0.1:6379/0}"; }
data_dir() { echo "${DATA_DIR:-$ROOT/data}"; }
upload_dir() { echo "${UPLOAD_DIR:-$(data_dir)/uploads}"; }

# The newest schema version this installation's code knows (its highest Flyway migration).
code_schema_version() {
    local versions=()
    if [[ -d $MIGRATIONS_DIR ]]; then
        mapfile -t versions < <(find "$MIGRATIONS_DIR" -name 'V*__*.sql' -printf '%f\n' | sed -E 's/^V([0-9._]+)__.*/\1/; s/_/./g')
    fi
    ((${#versions[@]})) || die "$EXIT_FAILURE" "no migrations found in $MIGRATIONS_DIR"
    printf '%s\n' "${versions[@]}" | sort -V | tail -1
}

# 0 when version $1 is newer than $2
version_newer() {
    [[ $1 != "$2" && $(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -1) == "$1" ]]
}

suite_version() {
    sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1
}

## Mode: compose when a Docker engine answers, local otherwise (or as asked).
docker_engine_answers() {
    use_podman_socket
    have docker && timeout 10 docker info >/dev/null 2>&1
}

# Without DOCKER_HOST and without Docker's socket, Podman's Docker-compatible socket (podman system
# service, or the podman.socket unit) serves as the engine.
use_podman_socket() {
    [[ -z ${DOCKER_HOST:-} && ! -S /var/run/docker.sock ]] || return 0
    local socket
    for socket in /run/podman/podman.sock "${XDG_RUNTIME_DIR:-/nonexistent}/podman/podman.sock"; do
        if [[ -S $socket ]]; then
            export DOCKER_HOST=unix://$socket
            return 0
        fi
    done
}

# Compose v2 (the docker CLI plugin) when it is there, else the standalone v1 `docker-compose`
# (Debian's 1.29 works against Docker and against Podman's socket).
compose_cmd() {
    if docker compose version >/dev/null 2>&1; then
        echo "docker compose"
    elif have docker-compose; then
        echo "docker-compose"
    else
        return 1
    fi
}

# One line naming the compose tool and the engine it talks to.
compose_description() {
    local cmd tool engine
    cmd=$(compose_cmd) || return 1
    if [[ $cmd == docker-compose ]]; then
        tool="docker-compose $(docker-compose version --short 2>/dev/null) (Compose v1)"
    else
        tool="docker compose $(docker compose version --short 2>/dev/null) (Compose v2)"
    fi
    engine=$(docker version --format '{{range .Server.Components}}{{.Name}} {{.Version}}{{break}}{{end}}' 2>/dev/null || true)
    [[ -n $engine ]] || engine=$(docker version --format 'Docker Engine {{.Server.Version}}' 2>/dev/null || echo "an unknown engine")
    echo "$tool with $engine${DOCKER_HOST:+ at $DOCKER_HOST}"
}

local_running() {
    compgen -G "$RUN_DIR/pids/*.pid" >/dev/null
}

# Sets MODE from --local/--compose, WEBUI_MODE, or what is running / available.
choose_mode() {
    local asked=$1
    if [[ -n $asked ]]; then
        MODE=$asked
    elif [[ -n ${WEBUI_MODE:-} ]]; then
        [[ $WEBUI_MODE == local || $WEBUI_MODE == compose ]] || die "$EXIT_USAGE" "WEBUI_MODE must be local or compose, not '$WEBUI_MODE'"
        MODE=$WEBUI_MODE
    elif local_running; then
        MODE=local
    elif docker_engine_answers; then
        MODE=compose
    else
        MODE=local
    fi
}
