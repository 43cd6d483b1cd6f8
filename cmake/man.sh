#!/bin/sh
# Writes man pages from the binary's own --help output, so they always describe the same options:
# man.sh TAMGA OUTDIR VERSION
set -eu
bin=$1 out=$2 version=$3
mkdir -p "$out"
roff() {  # roff NAME TITLE COMMAND...
  name=$1 title=$2
  shift 2
  "$@" --help | awk -v name="$name" -v title="$title" -v version="$version" '
    function esc(s) {
      gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s)
      if (substr(s, 1, 1) == "." || substr(s, 1, 1) == "'"'"'") s = "\\&" s
      return s }
    BEGIN { printf(".TH %s 1 \"\" \"tamga %s\" \"tamga manual\"\n.SH NAME\n%s \\- %s\n", toupper(name), version, name, title) }
    /^Usage:/ { sub(/^Usage: */, ""); printf(".SH SYNOPSIS\n.B %s\n", esc($0)); section = "desc"; next }
    /^(Options|Commands):/ { printf(".SH %s\n", toupper(substr($1, 1, length($1) - 1))); section = "opt"; next }
    section == "desc" && /^$/ { if (!started) { print ".SH DESCRIPTION"; started = 1 } else print ".PP"; next }
    section == "desc" { if (!started) { print ".SH DESCRIPTION"; started = 1 } print esc($0); next }
    section == "opt" && /^  [-a-z]/ {
      line = $0; sub(/^  +/, "", line)
      n = match(line, /  +/)
      if (n == 0 && match(line, /^(-[a-zA-Z] \[ --[a-z-]+ \]|--[a-z-]+)( arg)? /)) { n = RLENGTH; RLENGTH = 1 }
      if (n > 0) { printf(".TP\n.B %s\n%s\n", esc(substr(line, 1, n - 1)), esc(substr(line, n + RLENGTH))) }
      else { printf(".TP\n.B %s\n", esc(line)) }
      next }
    section == "opt" && /^   +/ { line = $0; sub(/^ +/, "", line); print esc(line); next }
    END { print ".SH EXIT STATUS\n0 done, no threshold exceeded; 1 a failure threshold was exceeded; 2 usage, configuration, lexicon or input error.\n.SH SEE ALSO\n.BR tamga (1)" }
  ' > "$out/$name.1"
}
roff tamga "find and score propaganda techniques in news" "$bin"
for cmd in scan tokenize match score report langid eval kwic; do
  roff "tamga-$cmd" "tamga $cmd" "$bin" "$cmd"
done
for verb in check stats explain import export induce; do
  roff "tamga-lexicon-$verb" "tamga lexicon $verb" "$bin" lexicon "$verb"
done
