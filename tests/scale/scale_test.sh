#!/usr/bin/env bash
# Scaling out gives the same answer as one run: the shipped corpora, repeated with varied text and distinct
# ids into a JSON Lines corpus of several hundred documents, are scanned (a) in one run, (b) through
# `parallel --pipe` in 4 chunks and (c) as 4 runs of `--shard K/4`; the union of the records equals the
# single run's records, and `tamga report` over the pieces gives byte-identical tables.
# Usage: scale_test.sh TAMGA_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
tamga=$1 src=$2 work=$3
export TAMGA_NO_CONFIG=1 LC_ALL=C

fail() { echo "FAIL: $*" >&2; exit 1; }
parallel --version 2>/dev/null | grep -q "GNU parallel" ||
  fail "GNU parallel is not installed (scripts/test installs it: apt-get install parallel; moreutils' parallel is another program)"

rm -rf "$work"
mkdir -p "$work"
cd "$work"

# Each corpus file becomes 8 documents: its lines rotated by 0..7 (so texts and offsets differ), with an
# id naming file and variant, and a source and date to group by.
find "$src/corpora" -name '*.txt' | sort | awk -v root="$src/corpora/" -v reps=8 '
  function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); gsub(/\r/, "", s); return s }
  function emit(   r, k, text) {
    if (n == 0) return
    for (r = 0; r < reps; r++) {
      text = ""
      for (k = 0; k < n; k++) text = text (k ? "\\n" : "") lines[(k + r) % n]
      printf "{\"id\":\"%s#%d\",\"source\":\"%s\",\"date\":\"2026-%02d-%02d\",\"text\":\"%s\"}\n",
             esc(name), r, sources[(docs + r) % 3], (docs + r) % 12 + 1, r + 1, text
    }
    docs++
    n = 0
  }
  BEGIN { sources[0] = "agency"; sources[1] = "paper"; sources[2] = "blog" }
  { file = $0; name = substr(file, length(root) + 1); n = 0
    while ((getline line < file) > 0) lines[n++] = esc(line)
    close(file); emit() }
' > corpus.jsonl
docs=$(wc -l < corpus.jsonl)
[ "$docs" -ge 300 ] || fail "the generated corpus has only $docs documents"
[ "$(cut -d'"' -f4 corpus.jsonl | sort -u | wc -l)" -eq "$docs" ] || fail "the generated ids are not distinct"

scan=("$tamga" scan --input jsonl --format jsonl)
tables() {  # the aggregate tables of scored records, in two groupings
  "$tamga" report --group-by lang,source,date --date-bucket month --format csv "$@"
  "$tamga" report --group-by technique,script --format json "$@"
}

# (a) One run.
"${scan[@]}" corpus.jsonl > single.jsonl
[ "$(wc -l < single.jsonl)" -eq "$docs" ] || fail "the single run did not give one record per document"
tables single.jsonl > single.tables
grep -q ',agency,2026-' single.tables || fail "the report has no agency rows"

# (b) GNU parallel on one machine, as docs/scale.md gives it: --pipe cuts standard input into blocks at line
# ends, -k keeps the output in input order, so the records are byte-identical to the single run's.
block=$(( $(wc -c < corpus.jsonl) / 4 + 1 ))
parallel --will-cite --pipe --block "$block" -k -j 4 "'$tamga' scan --input jsonl --format jsonl -j 1 -" \
  < corpus.jsonl > piped-ordered.jsonl
cmp single.jsonl piped-ordered.jsonl || fail "parallel --pipe -k did not reproduce the single run's records"
# Exactly 4 chunks (-N records each), finishing in any order: only the report is expected to match.
parallel --will-cite --pipe -N $(( (docs + 3) / 4 )) -j 4 "'$tamga' scan --input jsonl --format jsonl -j 1 -" \
  < corpus.jsonl > piped.jsonl
cmp <(sort single.jsonl) <(sort piped.jsonl) || fail "parallel --pipe records differ from the single run's as a set"
tables piped.jsonl > piped.tables
cmp single.tables piped.tables || fail "report over parallel --pipe output differs from the single run's report"

# (c) 4 runs of --shard K/4 over the whole input, each to its own file.
parallel --will-cite -j 4 "'$tamga' scan --shard {}/4 --input jsonl --format jsonl -j 1 corpus.jsonl > shard{}.jsonl" ::: 1 2 3 4
total=0
for k in 1 2 3 4; do
  n=$(wc -l < "shard$k.jsonl")
  [ "$n" -gt 0 ] || fail "shard $k/4 is empty"
  total=$((total + n))
done
[ "$total" -eq "$docs" ] || fail "the shards hold $total records, not $docs: they overlap or miss documents"
cmp <(sort single.jsonl) <(sort shard1.jsonl shard2.jsonl shard3.jsonl shard4.jsonl) ||
  fail "the union of the shards' records differs from the single run's records"
# The report takes the shards as several files, in any order, or concatenated in any order, on any -j.
tables shard4.jsonl shard2.jsonl shard1.jsonl shard3.jsonl > sharded.tables
cmp single.tables sharded.tables || fail "report over the 4 shard files differs from the single run's report"
cat shard3.jsonl shard1.jsonl shard4.jsonl shard2.jsonl > concatenated.jsonl
tables -j 2 concatenated.jsonl > concatenated.tables
cmp single.tables concatenated.tables || fail "report -j 2 over the concatenated shards differs from the single run's report"

echo "ok: $docs documents; single run, parallel --pipe (4 chunks) and --shard K/4 give identical reports"
