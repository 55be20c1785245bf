#!/usr/bin/env bash
# Install the Debian packages claimtrack builds and tests with (no-op when present).
set -euo pipefail
pkgs=(build-essential cmake pkg-config libsqlite3-dev libjansson-dev libutf8proc-dev check
      python3 clang valgrind libclang-rt-14-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
