#!/usr/bin/env bash
# Builds the simulator image from the project's sources and production packages, streaming the
# build context as a tar so nothing is staged on disk and no dev package is sent.
#
#   simulators/container/build-image.sh [TAG] [BASE]
#     TAG   default sms-assure-simulator:local
#     BASE  default sms-assure-node:local, built first by make-base.sh when missing
set -euo pipefail
cd "$(dirname "$0")/../.."

tag="${1:-sms-assure-simulator:local}"
base="${2:-sms-assure-node:local}"
if [ "$base" = "sms-assure-node:local" ] && ! docker image inspect "$base" >/dev/null 2>&1; then
  simulators/container/make-base.sh "$base" >&2
fi

# The top-level folder of every production package (a nested node_modules comes with it).
mapfile -t packages < <(npm ls --omit=dev --all --parseable 2>/dev/null |
  sed "s|^$PWD/||" | grep -E '^node_modules/(@[^/]+/)?[^/]+$' | sort -u)
# Every other top-level entry (dot-files aside): what .dockerignore leaves out goes below.
sources=()
for entry in *; do [ "$entry" = node_modules ] || sources+=("$entry"); done

# Patterns as .dockerignore states them, matched from the context's root as Docker does.
tar --create --file - --anchored --exclude-from=.dockerignore \
  "${sources[@]}" "${packages[@]}" |
  docker build --quiet --file simulators/container/Dockerfile --build-arg "BASE=$base" \
    --tag "$tag" - >/dev/null
echo "$tag (from $base)"
