# docker-manage.sh backup / restore: a timestamped archive holding a pg_dump, the uploads and a
# manifest (schema version, checksums). Sourced, never run.
#
# Archive layout (webui-backup-<UTC time>.tar.gz):
#   webui-backup-<time>/manifest.json   format, times, suite and schema version, sha256 of each file
#   webui-backup-<time>/database.dump   pg_dump --format=custom
#   webui-backup-<time>/uploads.tar     the upload directory

# The schema version recorded in the database by Flyway (empty when it was never migrated).
database_schema_version() {
    local sql="SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1"
    if [[ $MODE == compose ]]; then
        compose exec -T postgres sh -c 'psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" -Atqc "$0"' "$sql"
    else
        psql "$(libpq_url)" -Atqc "$sql" </dev/null
    fi
}

dump_database() {
    if [[ $MODE == compose ]]; then
        compose exec -T postgres sh -c 'pg_dump -U "$POSTGRES_USER" -d "$POSTGRES_DB" --format=custom' >"$1"
    else
        have pg_dump || die "$EXIT_PREREQ" "pg_dump is missing (postgresql-client)"
        pg_dump --format=custom --file="$1" "$(libpq_url)"
    fi
}

dump_uploads() {
    if [[ $MODE == compose ]]; then
        compose run --rm --no-deps -T --entrypoint sh file-data-init -c \
            'mkdir -p /app/backend/data/uploads && tar -C /app/backend/data/uploads -cf - .' >"$1"
    else
        mkdir -p "$(upload_dir)"
        tar -C "$(upload_dir)" -cf "$1" .
    fi
}

cmd_backup() {
    local stamp name work schema file
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    name="webui-backup-$stamp"
    mkdir -p "$BACKUP_DIR"
    work=$(mktemp -d)
    # shellcheck disable=SC2064 # expand now: $work is local
    trap "rm -rf '$work'" EXIT
    mkdir "$work/$name"
    step "Backing up ($MODE mode) into $BACKUP_DIR/$name.tar.gz"
    schema=$(database_schema_version) || die "$EXIT_FAILURE" "cannot read the schema version: is the database up and migrated?"
    [[ -n $schema ]] || die "$EXIT_FAILURE" "the database has no schema yet (start the suite once, or run ./docker-manage.sh migrate)"
    (umask 077 && dump_database "$work/$name/database.dump") || die "$EXIT_FAILURE" "pg_dump failed"
    info "  database dumped (schema version $schema)"
    (umask 077 && dump_uploads "$work/$name/uploads.tar") || die "$EXIT_FAILURE" "could not archive the uploads"
    info "  uploads archived"
    {
        printf '{\n  "format": 1,\n  "created_at": "%s",\n  "suite_version": "%s",\n  "schema_version": "%s",\n  "files": {\n' \
            "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(suite_version)" "$schema"
        printf '    "database.dump": "%s",\n' "$(sha256sum "$work/$name/database.dump" | cut -d' ' -f1)"
        printf '    "uploads.tar": "%s"\n  }\n}\n' "$(sha256sum "$work/$name/uploads.tar" | cut -d' ' -f1)"
    } >"$work/$name/manifest.json"
    (umask 077 && tar -C "$work" -czf "$BACKUP_DIR/$name.tar.gz" "$name") || die "$EXIT_FAILURE" "could not write the archive"
    info "${C_GREEN}Backup written:${C_OFF}"
    echo "$BACKUP_DIR/$name.tar.gz"
}

# Checks every file the manifest lists against its checksum; prints the backup's directory.
verify_archive() {
    local archive=$1 work=$2 dir manifest entries file sum
    tar -C "$work" -xzf "$archive" 2>/dev/null || die "$EXIT_BAD_ARCHIVE" "$archive is not a readable .tar.gz archive"
    manifest=$(find "$work" -mindepth 2 -maxdepth 2 -name manifest.json | head -1)
    [[ -n $manifest ]] || die "$EXIT_BAD_ARCHIVE" "$archive has no manifest.json: not a docker-manage.sh backup"
    dir=$(dirname "$manifest")
    entries=$(grep -oE '"[a-z.]+": "[0-9a-f]{64}"' "$manifest" || true)
    for file in database.dump uploads.tar; do
        sum=$(sed -nE "s/^\"${file//./\\.}\": \"([0-9a-f]{64})\"$/\1/p" <<<"$entries")
        [[ -n $sum ]] || die "$EXIT_BAD_ARCHIVE" "the manifest has no checksum for $file"
        [[ -f $dir/$file ]] || die "$EXIT_BAD_ARCHIVE" "$file is missing from the archive"
        [[ $(sha256sum "$dir/$file" | cut -d' ' -f1) == "$sum" ]] ||
            die "$EXIT_BAD_ARCHIVE" "checksum mismatch for $file: the archive is damaged; nothing was restored"
    done
    echo "$dir"
}

restore_database() {
    if [[ $MODE == compose ]]; then
        compose exec -T postgres sh -c 'pg_restore -U "$POSTGRES_USER" -d "$POSTGRES_DB" --clean --if-exists --no-owner --no-acl --single-transaction' <"$1"
    else
        have pg_restore || die "$EXIT_PREREQ" "pg_restore is missing (postgresql-client)"
        pg_restore --clean --if-exists --no-owner --no-acl --single-transaction -d "$(libpq_url)" "$1"
    fi
}

restore_uploads() {
    if [[ $MODE == compose ]]; then
        compose run --rm --no-deps -T --entrypoint sh file-data-init -c \
            'rm -rf /app/backend/data/uploads && mkdir -p /app/backend/data/uploads && tar -C /app/backend/data/uploads -xf - && chown -R 1001:1001 /app/backend/data/uploads' <"$1"
    else
        local dir
        dir=$(upload_dir)
        rm -rf "$dir"
        mkdir -p "$dir"
        tar -C "$dir" -xf "$1"
    fi
}

cmd_restore() {
    local archive=${1:-} work dir schema known was_running=false
    [[ -n $archive ]] || die "$EXIT_USAGE" "usage: ./docker-manage.sh restore <archive.tar.gz>"
    [[ -f $archive ]] || die "$EXIT_USAGE" "no such file: $archive"
    work=$(mktemp -d)
    # shellcheck disable=SC2064 # expand now: $work is local
    trap "rm -rf '$work'" EXIT
    step "Checking $archive"
    dir=$(verify_archive "$archive" "$work") || exit $?
    ok "checksums match"
    schema=$(sed -nE 's/^ *"schema_version": "([^"]*)".*/\1/p' "$dir/manifest.json")
    [[ -n $schema ]] || die "$EXIT_BAD_ARCHIVE" "the manifest names no schema_version"
    known=$(code_schema_version)
    if version_newer "$schema" "$known"; then
        die "$EXIT_NEWER_SCHEMA" "this backup is from schema version $schema, newer than this installation knows ($known): upgrade the suite first, then restore"
    fi
    ok "schema version $schema (this installation knows up to $known)"

    step "Stopping the services while the database is replaced"
    if [[ $MODE == local ]]; then
        local_running && was_running=true
        local_stop_services
    else
        [[ -n $(compose ps -q "${SERVICES[@]}" 2>/dev/null) ]] && was_running=true
        compose stop "${SERVICES[@]}"
    fi
    step "Restoring the database"
    restore_database "$dir/database.dump" || die "$EXIT_FAILURE" "pg_restore failed (see above); the database was left as it was (single transaction)"
    step "Restoring the uploads"
    restore_uploads "$dir/uploads.tar" || die "$EXIT_FAILURE" "could not restore the uploads into $(upload_dir)"
    info "${C_GREEN}Restored${C_OFF} $archive (schema version $schema; the services migrate it forward when they start)"
    if [[ $was_running == true ]]; then
        step "Starting the services again"
        if [[ $MODE == local ]]; then local_start; else compose_start; fi
    fi
}
