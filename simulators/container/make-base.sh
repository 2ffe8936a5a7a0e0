#!/usr/bin/env bash
# Builds a base image for the simulator from this machine's own Node.js, FROM scratch, so the
# simulator image builds with no registry at all. The image holds the node binary, the shared
# libraries it and better-sqlite3's native addon load (as ldd lists them), a writable /tmp and
# a passwd entry for uid 1000 (Node's os.userInfo() needs one).
# The native addons' libraries come in too: better-sqlite3's, and rolldown's and lightningcss's,
# which the CLI loads through vitest.
#
#   simulators/container/make-base.sh [TAG]      (default TAG: sms-assure-node:local)
set -euo pipefail
cd "$(dirname "$0")/../.."

tag="${1:-sms-assure-node:local}"
node_bin="$(readlink -f "$(command -v node)")"
sqlite="node_modules/better-sqlite3/build/Release/better_sqlite3.node"
[ -f "$sqlite" ] || { echo "make-base: $sqlite is missing: run npm ci first" >&2; exit 3; }
mapfile -t addons < <(find node_modules -name '*.node' -not -path '*/obj.target/*')

context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
rootfs="$context/rootfs"
mkdir -p "$rootfs/usr/bin" "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"
cp "$node_bin" "$rootfs/usr/bin/node"

# Every library either binary needs, kept at the path the loader looks for it under.
for lib in $(ldd "$node_bin" "${addons[@]}" | grep -oE '/[^ ]+\.so[^ ]*' | sort -u); do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done

printf 'root:x:0:0:root:/root:/nonexistent\nnode:x:1000:1000:node:/tmp:/nonexistent\n' \
  >"$rootfs/etc/passwd"
printf 'root:x:0:\nnode:x:1000:\n' >"$rootfs/etc/group"
cp simulators/container/Dockerfile.base "$context/Dockerfile"

docker build --quiet --tag "$tag" "$context" >/dev/null
echo "$tag ($("$node_bin" --version), $(du -sh "$rootfs" | cut -f1) from $node_bin)"
