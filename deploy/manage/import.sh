# shellcheck shell=bash
# import-sqlite / import-postgres: run the importer (importer/target/importer.jar, docs/importer.md)
# against the suite's database and upload folder. Its own exit codes pass through: 1 configuration,
# 2 source refused (nothing written), 3 stopped part-way (run the same command again to finish).

importer_jar() { echo "$ROOT/importer/target/importer.jar"; }

build_importer_if_missing() {
    [[ -f $(importer_jar) ]] && return 0
    step "Building the importer"
    (cd "$ROOT" && ./mvnw -B -q -pl importer -am package -DskipTests) || die "$EXIT_FAILURE" "the importer build failed (see above)"
}

# import_args <kind> <args...>: checks the arguments and fills IMPORT_SOURCE, IMPORT_UPLOADS, IMPORT_FLAGS
import_args() {
    local kind=$1
    shift
    IMPORT_SOURCE='' IMPORT_UPLOADS='' IMPORT_FLAGS=()
    while (($#)); do
        case $1 in
            --uploads)
                [[ $kind == sqlite && -n ${2:-} ]] || die "$EXIT_USAGE" "--uploads needs a folder (and only applies to import-sqlite)"
                IMPORT_UPLOADS=$2
                shift
                ;;
            --dry-run | --merge-accounts) IMPORT_FLAGS+=("$1") ;;
            --settings | --assume-version)
                [[ -n ${2:-} ]] || die "$EXIT_USAGE" "$1 needs a value (see ./docker-manage.sh help import-$kind)"
                IMPORT_FLAGS+=("$1" "$2")
                shift
                ;;
            -*) die "$EXIT_USAGE" "unknown option $1 (see ./docker-manage.sh help import-$kind)" ;;
            *)
                [[ -z $IMPORT_SOURCE ]] || die "$EXIT_USAGE" "import-$kind takes one source"
                IMPORT_SOURCE=$1
                ;;
        esac
        shift
    done
    [[ -n $IMPORT_SOURCE ]] || die "$EXIT_USAGE" "name the source: ./docker-manage.sh import-$kind <$([[ $kind == sqlite ]] && echo webui.db || echo url)>"
    if [[ $kind == sqlite ]]; then
        [[ -f $IMPORT_SOURCE ]] || die "$EXIT_USAGE" "no such file: $IMPORT_SOURCE"
        [[ -z $IMPORT_UPLOADS || -d $IMPORT_UPLOADS ]] || die "$EXIT_USAGE" "no such folder: $IMPORT_UPLOADS"
    fi
}

cmd_import() {
    local kind=$1
    shift
    import_args "$kind" "$@"
    build_importer_if_missing
    local status=0
    if [[ $MODE == compose ]]; then
        # runs in a file-service container: same DATABASE_URL, same upload volume at the same path
        local mounts=(-v "$(importer_jar):/importer.jar:ro")
        local source=$IMPORT_SOURCE uploads=()
        if [[ $kind == sqlite ]]; then
            mounts+=(-v "$(realpath "$IMPORT_SOURCE"):/import/webui.db:ro")
            source=/import/webui.db
            if [[ -n $IMPORT_UPLOADS ]]; then
                mounts+=(-v "$(realpath "$IMPORT_UPLOADS"):/import/uploads:ro")
                uploads=(--uploads /import/uploads)
            fi
        fi
        step "Importing $kind source into the compose suite"
        compose run --rm --no-deps "${mounts[@]}" --entrypoint java file-service \
            -jar /importer.jar "$kind" "$source" "${uploads[@]}" "${IMPORT_FLAGS[@]}" || status=$?
    else
        local uploads=()
        [[ -n $IMPORT_UPLOADS ]] && uploads=(--uploads "$IMPORT_UPLOADS")
        step "Importing $kind source into $(mask_url "$(local_database_url)") (uploads to $(upload_dir))"
        mkdir -p "$(upload_dir)"
        DATABASE_URL="$(local_database_url)" UPLOAD_DIR="$(upload_dir)" REDIS_URL="$(local_redis_url)" \
            java -jar "$(importer_jar)" "$kind" "$IMPORT_SOURCE" "${uploads[@]}" "${IMPORT_FLAGS[@]}" || status=$?
    fi
    case $status in
        0) ok "import finished" ;;
        2) die 2 "the importer refused the source; nothing was written (see its message above)" ;;
        3) die 3 "the import stopped part-way; committed batches are kept: run the same command again to finish" ;;
        *) die "$status" "the import failed (see the importer's message above)" ;;
    esac
}

# The automatic import, run by `start` before the services (docs/importer.md "Automatic import on
# start"). The importer decides under a database lock whether to import (once per database, never
# into one with users); a refused or interrupted import stops the start, so that the services never
# come up on half an import.
import_on_start_result() {
    local status=$1 db=$2
    case $status in
        0) ;;
        2) die 2 "the automatic import refused $db (see above); nothing was imported. Move it away (or unset IMPORT_SQLITE_ON_START) to start without importing" ;;
        3) die 3 "the automatic import stopped part-way (see above); the rows written so far are kept: start again to resume it" ;;
        *) die "$status" "the automatic import could not run (see above)" ;;
    esac
}

# Local mode: IMPORT_SQLITE_ON_START, else DATA_DIR/webui.db. Nothing is built or run without one.
import_on_start_local() {
    local db=${IMPORT_SQLITE_ON_START:-$(data_dir)/webui.db}
    if [[ ! -f $db ]]; then
        [[ -z ${IMPORT_SQLITE_ON_START:-} ]] || die "$EXIT_USAGE" "IMPORT_SQLITE_ON_START=$IMPORT_SQLITE_ON_START: no such file"
        return 0
    fi
    build_importer_if_missing
    step "Open WebUI database $db: importing it before the services start (once per database)"
    mkdir -p "$(upload_dir)"
    local status=0
    DATABASE_URL="$(local_database_url)" UPLOAD_DIR="$(upload_dir)" DATA_DIR="$(data_dir)" \
        java -jar "$(importer_jar)" on-start || status=$?
    import_on_start_result "$status" "$db"
}

# Compose mode, when IMPORT_SQLITE_ON_START is set: a file on this host is mounted read-only (with
# the uploads folder beside it, or IMPORT_UPLOADS_ON_START); any other value is a path inside
# file-service's data volume (/app/backend/data/webui.db, Open WebUI's own place for it).
import_on_start_compose() {
    [[ -n ${IMPORT_SQLITE_ON_START:-} ]] || return 0
    build_importer_if_missing
    local db=$IMPORT_SQLITE_ON_START uploads=${IMPORT_UPLOADS_ON_START:-}
    local mounts=(-v "$(importer_jar):/importer.jar:ro") env=()
    if [[ -f $db ]]; then
        mounts+=(-v "$(realpath "$db"):/import/webui.db:ro")
        [[ -n $uploads ]] || uploads=$(dirname "$(realpath "$db")")/uploads
        if [[ -d $uploads ]]; then
            mounts+=(-v "$(realpath "$uploads"):/import/uploads:ro")
            env+=(-e IMPORT_UPLOADS_ON_START=/import/uploads)
        fi
        db=/import/webui.db
    elif [[ -n $uploads ]]; then
        env+=(-e IMPORT_UPLOADS_ON_START="$uploads")
    fi
    step "Importing Open WebUI's $IMPORT_SQLITE_ON_START before the services start (once per database)"
    local status=0
    compose run --rm "${mounts[@]}" -e IMPORT_SQLITE_ON_START="$db" "${env[@]}" --entrypoint java file-service \
        -jar /importer.jar on-start || status=$?
    import_on_start_result "$status" "$IMPORT_SQLITE_ON_START"
}
