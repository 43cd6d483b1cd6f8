#!/bin/sh
# The tokenizer's fast path must give ICU's word boundaries on every text we have: the project's corpora
# and test data, and the shared benchmark corpus when this machine has it (../shared/bench/corpus).
#   usage: diff_test.sh SOURCE_DIR TOKENIZER_DIFF_BINARY
set -eu
src=$1
bin=$2
set -- "$src"/corpora/*/* "$src"/tests/data/langid.tsv "$src"/tests/data/inflection/*.tsv "$src"/tests/data/scripts/*.tsv
"$bin" --whole "$@"
"$bin" "$@"
bench="$src/../shared/bench/corpus"
if [ -d "$bench" ]; then
  "$bin" "$bench"/*.txt
else
  echo "note: $bench not found; the benchmark corpus was not compared"
fi
