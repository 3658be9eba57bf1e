#!/usr/bin/env bash
# Usage ingest, end to end, against real peers on the same generated data in one run:
#   ckyc     `ckyc usage ingest` (parse, dedup by record id, durable segment + totals) then
#            `ckyc usage totals` — for JSON lines and for CUR 2.0 CSV
#   SQLite   sqlite3 shell: `.import` into a table keyed by record id, then GROUP BY account
#   Postgres a throwaway cluster: COPY into a table keyed by record id, then GROUP BY account
# All three compute per-account accelerator-seconds; each is durable (fsync on) and whole-process.
#
# Usage: bench/usage_ingest.sh [N]   (default 1,000,000 records; needs build/ from `make`)
set -euo pipefail
N=${1:-1000000}
BUILD=${BUILD:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/ckyc-bench.XXXXXX)
chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
cleanup() {
  if [ -n "$pgbin" ] && [ -d "$work/pg" ]; then "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s%N; }
report() {  # name, start_ns, end_ns
  awk -v n="$N" -v name="$1" -v s="$2" -v e="$3" \
    'BEGIN { t = (e - s) / 1e9; printf "%-34s %8.2f s  %12.0f records/s\n", name, t, n / t }'
}

"$here/$BUILD/bench/ckyc_gen_usage" "$N" "$work"
echo "records: $N   files: $(du -h "$work/usage.jsonl" | cut -f1) JSON lines, $(du -h "$work/cur.csv" | cut -f1) CUR CSV"
echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo

s=$(now)
"$here/$BUILD/ckyc" usage ingest "$work/usage.jsonl" --db "$work/ckyc-j.db" >/dev/null
"$here/$BUILD/ckyc" usage totals --db "$work/ckyc-j.db" --json >"$work/ckyc-j.totals"
report "ckyc ingest JSON lines + totals" "$s" "$(now)"

s=$(now)
"$here/$BUILD/ckyc" usage ingest "$work/cur.csv" --db "$work/ckyc-c.db" >/dev/null
"$here/$BUILD/ckyc" usage totals --db "$work/ckyc-c.db" --json >"$work/ckyc-c.totals"
report "ckyc ingest CUR CSV + totals" "$s" "$(now)"

s=$(now)
sqlite3 "$work/peer.db" >"$work/sqlite.totals" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
CREATE TABLE cur (identity_line_item_id TEXT PRIMARY KEY, identity_time_interval TEXT,
  bill_payer_account_id TEXT, line_item_usage_account_id TEXT, line_item_line_item_type TEXT,
  line_item_usage_start_date TEXT, line_item_usage_end_date TEXT, line_item_usage_type TEXT,
  line_item_usage_amount REAL, product_instance_type TEXT, line_item_availability_zone TEXT,
  line_item_resource_id TEXT, pricing_unit TEXT) WITHOUT ROWID;
CREATE TABLE itype (instance_type TEXT PRIMARY KEY, gpus INTEGER);
.mode csv
.import --skip 1 $work/cur.csv cur
.import --skip 1 $work/instances.csv itype
SELECT c.line_item_usage_account_id, SUM(c.line_item_usage_amount * 3600 * i.gpus)
  FROM cur c JOIN itype i ON i.instance_type = c.product_instance_type
 WHERE c.line_item_line_item_type = 'Usage' GROUP BY 1;
SQL
report "SQLite .import + GROUP BY" "$s" "$(now)"

if [ -n "$pgbin" ]; then
  mkdir -p "$work/pg" "$work/pgsock"
  [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg" "$work/pgsock"
  "${as_pg[@]}" "$pgbin/initdb" -D "$work/pg" -A trust -U bench >/dev/null
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pgsock/pg.log" \
    -o "-k $work/pgsock -p 55432 -c listen_addresses='' -c fsync=on -c synchronous_commit=on" start >/dev/null
  psql=("${as_pg[@]}" psql -X -q -h "$work/pgsock" -p 55432 -U bench -d postgres -v ON_ERROR_STOP=1)
  s=$(now)
  "${psql[@]}" -A -t >"$work/pg.totals" <<SQL
CREATE TABLE cur (identity_line_item_id TEXT PRIMARY KEY, identity_time_interval TEXT,
  bill_payer_account_id TEXT, line_item_usage_account_id TEXT, line_item_line_item_type TEXT,
  line_item_usage_start_date TEXT, line_item_usage_end_date TEXT, line_item_usage_type TEXT,
  line_item_usage_amount DOUBLE PRECISION, product_instance_type TEXT, line_item_availability_zone TEXT,
  line_item_resource_id TEXT, pricing_unit TEXT);
CREATE TABLE itype (instance_type TEXT PRIMARY KEY, gpus INTEGER);
COPY cur FROM '$work/cur.csv' (FORMAT csv, HEADER true);
COPY itype FROM '$work/instances.csv' (FORMAT csv, HEADER true);
SELECT c.line_item_usage_account_id, SUM(c.line_item_usage_amount * 3600 * i.gpus)
  FROM cur c JOIN itype i ON i.instance_type = c.product_instance_type
 WHERE c.line_item_line_item_type = 'Usage' GROUP BY 1;
SQL
  report "PostgreSQL COPY + GROUP BY" "$s" "$(now)"
  sum_pg=$(awk -F'|' 'NF == 2 {s += $2} END {printf "%.0f", s}' "$work/pg.totals")
else
  echo "PostgreSQL: not installed (scripts/install-deps installs it)"
fi

# The same answer from all: total accelerator-seconds over all accounts.
sum_ckyc=$(grep -o '"accelerator_seconds": [0-9]*' "$work/ckyc-c.totals" | awk '{s += $2} END {printf "%.0f", s}')
sum_sqlite=$(awk -F, '{s += $2} END {printf "%.0f", s}' "$work/sqlite.totals")
echo
echo "check: total accelerator-seconds ckyc=$sum_ckyc sqlite=$sum_sqlite postgres=${sum_pg:-n/a}"
[ "$sum_ckyc" = "$sum_sqlite" ] || { echo "MISMATCH"; exit 1; }
[ -z "${sum_pg:-}" ] || [ "$sum_ckyc" = "$sum_pg" ] || { echo "MISMATCH"; exit 1; }
