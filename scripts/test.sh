#!/usr/bin/env bash
# Builds Mailroom and runs the whole test suite on a fresh Debian machine with the .NET 10 SDK.
# Extra arguments go to `dotnet test` (e.g. --filter ...). Ends with "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi

# A package counts as present if its command is found or dpkg says it is installed
# (haproxy lives in /usr/sbin, which a normal user's PATH may lack).
have() { # have <debian-package> <command>
    command -v "$2" >/dev/null 2>&1 \
        || dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
# Tests start their own clusters with initdb/pg_ctl, which Debian keeps off PATH.
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    missing+=(postgresql)
fi
have curl curl || missing+=(curl)
have haproxy haproxy || missing+=(haproxy)
have openssl openssl || missing+=(openssl)

if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# pwsh as a .NET global tool; the tools folder must be on PATH for tests that run it.
tools_dir="${DOTNET_CLI_HOME:-${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}}/.dotnet/tools"
case ":$PATH:" in *":$tools_dir:"*) ;; *) export PATH="$PATH:$tools_dir" ;; esac
if ! command -v pwsh >/dev/null 2>&1; then
    if ! out=$(dotnet tool install --global PowerShell --version 7.6.9 2>&1); then
        grep -qi 'already installed' <<<"$out" || { echo "$out" >&2; exit 1; }
    fi
    echo "$out"
fi

results_dir="$PWD/artifacts/test-results"
rm -rf "$results_dir"

# Sums the <Counters> of every .trx file; skipped = total - executed (skips are never executed).
summarize() {
    local passed=0 failed=0 skipped=0 file counters
    attr() { local v; v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"); echo "${v:-0}"; }
    shopt -s nullglob
    for file in "$results_dir"/*.trx; do
        counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1) || continue
        passed=$((passed + $(attr passed)))
        failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
        skipped=$((skipped + $(attr total) - $(attr executed)))
    done
    shopt -u nullglob
    echo "$passed passed, $failed failed, $skipped skipped"
    ((failed == 0))
}

build_rc=0
dotnet build Mailroom.sln -c Release || build_rc=$?
if ((build_rc != 0)); then
    echo "Build failed (exit $build_rc); no tests were run." >&2
    echo "0 passed, 0 failed, 0 skipped"
    exit "$build_rc"
fi

test_rc=0
dotnet test Mailroom.sln -c Release --no-build \
    --logger "console;verbosity=normal" --logger trx --results-directory "$results_dir" "$@" || test_rc=$?

summary_rc=0
summarize || summary_rc=$?
if ((test_rc != 0)); then exit "$test_rc"; fi
exit "$summary_rc"
