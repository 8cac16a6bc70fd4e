# docker-manage.sh setup: .env with generated secrets, prerequisites, and (local mode) nginx plus the
# PostgreSQL role and database. Sourced, never run.

random_hex() {
    if have openssl; then openssl rand -hex "$1"; else head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; fi
}

# Fills KEY= (empty) in .env with a fresh random value; never replaces a value already there.
fill_secret() {
    local key=$1 bytes=$2
    if grep -qE "^$key=$" "$ENV_FILE"; then
        sed -i "s|^$key=\$|$key=$(random_hex "$bytes")|" "$ENV_FILE"
        info "  generated $key"
    elif ! grep -qE "^$key=" "$ENV_FILE"; then
        echo "$key=$(random_hex "$bytes")" >>"$ENV_FILE"
        info "  generated $key"
    fi
}

write_env_file() {
    if [[ -f $ENV_FILE ]]; then
        info "  keeping the existing $ENV_FILE"
    else
        [[ -f $ROOT/env.example ]] || die "$EXIT_FAILURE" "env.example is missing from $ROOT"
        (umask 077 && cp "$ROOT/env.example" "$ENV_FILE")
        info "  wrote $ENV_FILE from env.example"
    fi
    fill_secret WEBUI_SECRET_KEY 32
    fill_secret POSTGRES_PASSWORD 24
    fill_secret REDIS_PASSWORD 24
    chmod 600 "$ENV_FILE"
}

report_prerequisites() {
    local name hint missing=0
    while IFS='|' read -r name hint; do
        if have "$name" || [[ -x /usr/sbin/$name ]]; then ok "$name"; else
            bad "$name missing: $hint"
            missing=1
        fi
    done
    return "$missing"
}

on_debian_as_root() { [[ $(id -u) == 0 && -f /etc/debian_version ]] && have apt-get; }

# Installs Debian packages without starting their services (nginx's package would start one on port 80).
apt_install() {
    local policy=/usr/sbin/policy-rc.d created=false
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created=true
    fi
    local status=0 log
    log=$(mktemp)
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } >"$log" 2>&1 || status=$?
    [[ $created == true ]] && rm -f "$policy"
    ((status == 0)) || tail -20 "$log" >&2
    rm -f "$log"
    return "$status"
}

install_local_packages() {
    local packages=()
    have nginx || [[ -x /usr/sbin/nginx ]] || packages+=(nginx-light)
    have envsubst || packages+=(gettext-base)
    have curl || packages+=(curl)
    have psql || packages+=(postgresql-client)
    have redis-cli || packages+=(redis-tools)
    have java || packages+=(openjdk-17-jdk-headless)
    ((${#packages[@]})) || return 0
    if on_debian_as_root; then
        step "Installing ${packages[*]} (apt-get)"
        apt_install "${packages[@]}" || die "$EXIT_PREREQ" "apt-get could not install ${packages[*]}"
    else
        die "$EXIT_PREREQ" "local mode needs these Debian packages (or your system's equivalents): ${packages[*]} — install them as root, e.g. sudo apt-get install ${packages[*]}"
    fi
}

# postgresql://user:password@host:port/db -> the parts, in PG_* variables
parse_database_url() {
    local url
    url=$(libpq_url)
    [[ $url =~ ^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/?]+)(:([0-9]+))?/([^?]+) ]] ||
        die "$EXIT_USAGE" "cannot read the database from $(mask_url "$url"): expected postgresql://user:password@host:port/db"
    PG_USER=${BASH_REMATCH[2]} PG_PASSWORD=${BASH_REMATCH[4]} PG_HOST=${BASH_REMATCH[5]}
    PG_PORT=${BASH_REMATCH[7]:-5432} PG_DB=${BASH_REMATCH[8]}
}

# An administrator's psql: LOCAL_PG_ADMIN over TCP (trust/password), else the postgres OS user.
admin_psql() {
    local admin=${LOCAL_PG_ADMIN:-postgres}
    if psql -h "$PG_HOST" -p "$PG_PORT" -U "$admin" -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1 </dev/null; then
        psql -h "$PG_HOST" -p "$PG_PORT" -U "$admin" -d postgres -v ON_ERROR_STOP=1 -q "$@"
    elif [[ $(id -u) == 0 ]] && have runuser && id postgres >/dev/null 2>&1; then
        runuser -u postgres -- psql -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -q "$@"
    else
        return 1
    fi
}

create_database() {
    parse_database_url
    step "PostgreSQL: role '$PG_USER' and database '$PG_DB' on $PG_HOST:$PG_PORT"
    if psql "$(libpq_url)" -Atqc 'SELECT 1' >/dev/null 2>&1 </dev/null; then
        ok "database reachable as $PG_USER"
        return 0
    fi
    have psql || die "$EXIT_PREREQ" "psql is missing (postgresql-client): cannot create the role and database"
    admin_psql -v user="$PG_USER" -v password="$PG_PASSWORD" -v db="$PG_DB" <<'SQL' ||
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'password') WHERE :'password' <> '' \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
        die "$EXIT_PREREQ" "could not create role '$PG_USER' and database '$PG_DB': connect as an administrator (LOCAL_PG_ADMIN, default postgres) and run: CREATE ROLE \"$PG_USER\" LOGIN PASSWORD '...'; CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\";"
    psql "$(libpq_url)" -Atqc 'SELECT 1' >/dev/null 2>&1 </dev/null ||
        die "$EXIT_PREREQ" "created role and database, but cannot connect as $PG_USER: check pg_hba.conf allows password logins from $PG_HOST"
    ok "role and database ready"
}

setup_compose() {
    step "Prerequisites (compose)"
    report_prerequisites <<'EOF' || die "$EXIT_PREREQ" "install what is missing, then run setup again (without Docker: ./docker-manage.sh setup --local)"
docker|install Docker Engine and the compose plugin (docs.docker.com/engine/install), or podman with its Docker-compatible socket and docker-compose
curl|apt-get install curl
EOF
    docker_engine_answers || die "$EXIT_PREREQ" "the docker client is installed but no Docker engine answers: start the Docker service (or use --local)"
    compose_cmd >/dev/null || die "$EXIT_PREREQ" "Docker Compose is missing: install the docker-compose-plugin package (Compose v2) or docker-compose (v1)"
    ok "$(compose_description)"
}

setup_local() {
    install_local_packages
    step "Prerequisites (local mode)"
    report_prerequisites <<'EOF' || die "$EXIT_PREREQ" "install what is missing, then run setup --local again"
java|openjdk-17-jre-headless (Java 17 or newer)
nginx|nginx-light
envsubst|gettext-base
curl|curl
psql|postgresql-client
pg_dump|postgresql-client (for backup)
redis-cli|redis-tools
EOF
    create_database
}

cmd_setup() {
    step "Configuration"
    write_env_file
    load_env
    if [[ $MODE == local ]]; then setup_local; else setup_compose; fi
    [[ $COMMAND != setup ]] || info "${C_GREEN}Setup done.${C_OFF} Next: ./docker-manage.sh start$([[ $MODE == local ]] && echo ' --local')"
}
