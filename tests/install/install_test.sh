#!/bin/sh
# Installs tamga into a temporary prefix, runs the installed binary from another folder, builds a consumer
# project with find_package(tamga), and packs, unpacks (dpkg -x) and runs the .deb.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR [EXTRA_CXX_FLAGS]
set -eu
build=$1 src=$2 flags=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TAMGA_NO_CONFIG=1
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cd /
"$tmp/prefix/bin/tamga" scan --format jsonl "$src/corpora/tr" > "$tmp/out.jsonl"
test "$(wc -l < "$tmp/out.jsonl")" -ge 8 || { echo "installed binary: too few records"; exit 1; }
grep -q '"technique":"Name_Calling,Labeling"' "$tmp/out.jsonl" || { echo "installed binary found no shipped lexicons"; exit 1; }
"$tmp/prefix/bin/tamga-score" --help >/dev/null
"$tmp/prefix/bin/tamga" --version | grep -q "^  tr .* entries" || { echo "--version lists no lexicons"; exit 1; }
for f in share/man/man1/tamga.1 share/man/man1/tamga-scan.1 share/bash-completion/completions/tamga \
         share/zsh/vendor-completions/_tamga include/tamga/tamga.h; do
  test -f "$tmp/prefix/$f" || { echo "missing $f"; exit 1; }
done
find "$tmp/prefix" -name tamga.pc | grep -q . || { echo "missing tamga.pc"; exit 1; }
cmake -S "$src/tests/install/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
"$tmp/consumer/consumer"
# The .deb: CPack in a copy of the build's configuration, unpacked into a scratch root.
(cd "$build" && cpack -G DEB -B "$tmp/deb" >/dev/null)
deb=$(ls "$tmp"/deb/*.deb | head -1)
dpkg-deb --info "$deb" | grep -q "Depends:.*libicu" || { echo ".deb has no ICU dependency"; exit 1; }
dpkg -x "$deb" "$tmp/root"
echo "A so-called expert said it." | "$tmp/root/usr/bin/tamga" scan --lang en --format jsonl | grep -q '"technique":"Doubt"' \
  || { echo ".deb binary did not scan"; exit 1; }
echo "install test passed"
