#!/usr/bin/env bash
# An HTML report built from documents full of script payloads (in the text, in the ids and file names, in
# a lexicon gloss that lands in a title attribute) is opened in headless Chromium; no payload may run.
# Every payload tries to mark the page (data-pwned on <html>, or the title PWNED); the dumped DOM must
# carry neither mark. The report's own sorting script must run (it adds class "sortable" to the table), so
# the check cannot pass merely because scripts never run. The report is also checked with its
# Content-Security-Policy removed, so the escaping is tested on its own and not only the policy.
# Usage: xss_test.sh TAMGA_BINARY
set -euo pipefail
tamga=$1
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "FAIL: chromium is not installed (scripts/test installs it: apt-get install chromium)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mark="document.documentElement.setAttribute('data-pwned','1')"
payloads=(
  "<script>$mark</script>"
  "<img src=x onerror=\"$mark\">"
  "<svg onload=\"$mark\"></svg>"
  "\"><script>$mark</script>"
  "'><img src=x onerror=$mark>"
  "</pre><script>$mark</script><pre>"
  "</title></h2></section><script>$mark</script>"
  "<iframe srcdoc=\"<script>parent.$mark</script>\"></iframe>"
  "<a href=\"javascript:$mark\" id=\"go\">click</a><script>document.getElementById('go').click()</script>"
  "<body onload=\"$mark\">"
  "<details open ontoggle=\"$mark\">"
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:$mark\">"
  "<base href=\"javascript:$mark//\">"
  "<script>document.title='PWNED'</script>"
  "<style>@import 'javascript:$mark';</style>"
  "<!-- --><script>$mark</script>"
  "<![CDATA[<script>$mark</script>]]>"
  "&lt;script&gt;$mark&lt;/script&gt; &#60;script&#62;$mark&#60;/script&#62;"
  "javascript:$mark"
)

# A lexicon whose gloss is a payload: glosses land in title="" attributes of highlighted spans.
printf '#@ lang: en\n#@ technique: Doubt\npattern\tgloss\nhoax\t" onmouseover="%s" x="\nscript\t<script>%s</script>\n' \
  "$mark" "$mark" > "$work/lexicon.tsv"

# JSON Lines documents: payloads in the text around matched words, and in the ids.
: > "$work/docs.jsonl"
for p in "${payloads[@]}"; do
  json=$(printf '%s' "$p" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')
  printf '{"id":%s,"text":%s}\n' "$json" \
    "$(printf 'A hoax %s hoax, said the script. %s' "$p" "$p" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')" \
    >> "$work/docs.jsonl"
done
# A file whose name is a payload, and a broken record whose error message quotes its place.
mkdir -p "$work/files"
printf 'A hoax.\n' > "$work/files/<img src=x onerror=\"${mark//\//}\">.txt"
printf '{"id":"<script>%s</script>","text":\n' "$mark" > "$work/broken.jsonl"

status=0
"$tamga" scan --format html --lang en -l "$work/lexicon.tsv" -o "$work/report.html" \
  "$work/docs.jsonl" "$work/files" "$work/broken.jsonl" 2>"$work/stderr" || status=$?
if [ "$status" -ne 2 ]; then  # the broken record makes it 2; anything else is a failure of its own
  echo "FAIL: tamga scan exited $status" >&2
  cat "$work/stderr" >&2
  exit 1
fi
sed 's/<meta http-equiv="Content-Security-Policy"[^>]*>//' "$work/report.html" > "$work/report-no-csp.html"
if grep -q 'Content-Security-Policy' "$work/report-no-csp.html"; then
  echo "FAIL: could not remove the policy for the escaping check" >&2
  exit 1
fi

failed=0
for report in report.html report-no-csp.html; do
  dom="$work/$report.dom"
  "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$work/profile" --virtual-time-budget=3000 --dump-dom "file://$work/$report" \
    >"$dom" 2>"$work/chromium.log" || { echo "FAIL: chromium failed on $report" >&2; cat "$work/chromium.log" >&2; exit 1; }
  if ! grep -q '<table id="docs" class="sortable">' "$dom"; then
    echo "FAIL: $report: the report's own script did not run (hash in the policy out of date?)" >&2
    failed=1
  fi
  if grep -q 'data-pwned="1"' "$dom" || grep -q '<title>PWNED' "$dom"; then
    echo "FAIL: $report: a payload ran" >&2
    failed=1
  fi
  # Every payload is shown as text: the document sections and the table list all of them.
  sections=$(grep -c '<section class="doc"' "$dom" || true)
  if [ "$sections" -ne $(( ${#payloads[@]} + 2 )) ]; then
    echo "FAIL: $report: $sections document sections, expected $(( ${#payloads[@]} + 2 ))" >&2
    failed=1
  fi
done
if [ "$failed" -ne 0 ]; then exit 1; fi
echo "ok: ${#payloads[@]} payloads in text, ids, a file name and a gloss; none ran, with and without the policy"
