#!/usr/bin/env bash
# Import benchmark: against an application already running at BASE_URL (started by
# bench/measures.sh on a large data set), generates a 100,000-row caseload CSV as Excel saves it in
# France (Windows-1252, ';'), signs in as admin.asso, uploads, maps and imports it through the HTTP
# endpoints, and prints the time to the end of the import. With APP_PID, also the application's
# resident memory before and at its peak during the import.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${BASE_URL:?set BASE_URL to the running application, e.g. http://localhost:18181}"
ROWS="${IMPORT_ROWS:-100000}"
WORK_DIR="$(mktemp -d /tmp/passerelle-import-bench-XXXXXX)"
trap 'rm -rf "$WORK_DIR"' EXIT

java bench/ImportClient.java "$BASE_URL" "$ROWS" "$WORK_DIR" "${APP_PID:-}"
