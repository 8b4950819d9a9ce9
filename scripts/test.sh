#!/usr/bin/env bash
# The whole suite, as CI runs it: system packages, typecheck, then every test file.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive for real (Debian's Chromium, nginx and Apache httpd for the hosting tests,
# unzip for the bundle, openssl for the README's policy hashes). apache2-bin is the server alone: no
# service is installed or started.
packages=(chromium nginx unzip openssl apache2-bin)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing ${missing[*]} from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test: missing system packages: ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  fi
fi

npm run -s typecheck

# Node 20's runner neither expands globs nor finds .ts files by itself: list them, and refuse an empty list.
mapfile -t files < <(find test -name '*.test.ts' -not -path 'test/fixtures/*' | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "test: no test files found under test/" >&2
  exit 1
fi
# One test file per core at a time (Node 20's default is one fewer): a file mostly waits on one
# process, its own, Chromium's or the fieldguide command's, so two files keep two cores busy.
jobs=$(nproc 2>/dev/null || echo 2)
exec node --import tsx --test --test-concurrency="$jobs" --test-reporter=spec "${files[@]}"
