#!/usr/bin/env bash
# Installs what the build and the tests need, and nothing when all is there.
#   - Debian packages from APT_PACKAGES in tools/deps.lock (apt-get update runs
#     once, and only when something is missing);
#   - the tree-sitter-python grammar, fetched with `npm pack` at the version
#     pinned in tools/deps.lock, its sha512 checked against the pinned integrity,
#     and unpacked to .deps/tree-sitter-python/src (parser.c, scanner.c,
#     tree_sitter/*.h). A mismatch stops everything.
#   - with --bench, also BENCH_APT_PACKAGES (the peers `make bench` measures).
# Silent when there is nothing to do. Called by `make deps` (and so by make,
# make test, make demo, make bench) and `make deps-bench`.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=deps.lock
. tools/deps.lock

# One run at a time (a parallel make may start two); the second finds all done.
mkdir -p .deps
if command -v flock >/dev/null 2>&1; then
    exec 9>.deps/.lock
    flock 9
fi

say() { echo "deps: $*" >&2; }
die() { echo "deps: error: $*" >&2; exit 1; }

# ---- Debian packages -------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

apt_updated=0
# quiet CMD...: runs CMD, showing its output only when it fails.
quiet() {
    local log rc=0
    log=$(mktemp)
    "$@" >"$log" 2>&1 || rc=$?
    [ "$rc" -eq 0 ] || cat "$log" >&2
    rm -f "$log"
    return "$rc"
}
apt_install() {
    if [ "$(id -u)" -ne 0 ]; then
        die "missing Debian packages: $*; install them with: sudo apt-get install $*"
    fi
    export DEBIAN_FRONTEND=noninteractive
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update"
        quiet apt-get update || die "apt-get update failed"
        apt_updated=1
    fi
    say "apt-get install $*"
    quiet apt-get install -y --no-install-recommends "$@" || die "apt-get install $* failed"
}

want_packages=$APT_PACKAGES
[ "${1:-}" != --bench ] || want_packages="$want_packages $BENCH_APT_PACKAGES"
missing=()
for p in $want_packages; do
    installed "$p" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

# ---- tree-sitter-python grammar -------------------------------------------
dest=.deps/tree-sitter-python
stamp="$dest/.stamp"
want="tree-sitter-python@$TS_PYTHON_VERSION $TS_PYTHON_INTEGRITY"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
   [ -f "$dest/src/parser.c" ] && [ -f "$dest/src/scanner.c" ] &&
   [ -f "$dest/src/tree_sitter/parser.h" ]; then
    exit 0
fi

command -v npm >/dev/null 2>&1 || apt_install npm

sha512_b64() {
    if command -v openssl >/dev/null 2>&1; then
        openssl dgst -sha512 -binary "$1" | base64 -w0
    else
        python3 -c 'import base64,hashlib,sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1],"rb").read()).digest()).decode())' "$1"
    fi
}

say "fetching tree-sitter-python@$TS_PYTHON_VERSION"
tmp=$(mktemp -d "$root/.deps/tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "tree-sitter-python@$TS_PYTHON_VERSION" >/dev/null) ||
    die "npm pack tree-sitter-python@$TS_PYTHON_VERSION failed"
tgz="$tmp/tree-sitter-python-$TS_PYTHON_VERSION.tgz"
[ -f "$tgz" ] || die "npm pack did not produce $(basename "$tgz")"

got="sha512-$(sha512_b64 "$tgz")"
if [ "$got" != "$TS_PYTHON_INTEGRITY" ]; then
    die "integrity mismatch for tree-sitter-python@$TS_PYTHON_VERSION
  expected $TS_PYTHON_INTEGRITY
  got      $got
refusing to continue (tools/deps.lock pins the expected value)"
fi

mkdir -p "$tmp/x"
tar -xzmf "$tgz" -C "$tmp/x" package/src/parser.c package/src/scanner.c package/src/tree_sitter package/LICENSE
rm -rf "$dest"
mkdir -p "$dest"
mv "$tmp/x/package/src" "$dest/src"
mv "$tmp/x/package/LICENSE" "$dest/LICENSE"
echo "$want" >"$stamp"
say "tree-sitter-python@$TS_PYTHON_VERSION verified and unpacked to $dest"
