#!/usr/bin/env bash
# Builds a benchmark database: reference data plus N published demo actions. Prints the elapsed time.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
export DATABASE_URL="${2:-${DATABASE_URL:-sqlite:////tmp/localaction-bench.sqlite3}}"
case "$DATABASE_URL" in
  sqlite:///*) rm -f "${DATABASE_URL#sqlite://}"* ;;
esac
start=$(date +%s.%N)
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py seed_demo --actions "$N"
# seed_demo builds the search index itself once its bulk inserts are done.
end=$(date +%s.%N)
python3 -c "print(f'generate: {int($N):,} actions into $DATABASE_URL in {$end - $start:.1f} s (migrate + seed + search index)')"
