#!/usr/bin/env bash
# Rebuild views/static/vis-network.min.js: vis-network 9.1.2's esnext build and its
# peer dependencies, unchanged, one after the other in one file (the order the UMD
# wrappers need: each sets a global the next one reads). The esnext build has no
# core-js polyfills: Chromium parses and runs it in about two thirds of the time of
# the standalone build that pyvis ships (docs/VIEWS.md, "Size and speed").
# Needs npm (the packages come from the npm registry by name and exact version).
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/views/static"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# package@version  file inside the package
parts=(
  "@egjs/hammerjs@2.0.17 dist/hammer.min.js"
  "component-emitter@1.3.0 index.js"
  "vis-util@5.0.3 esnext/umd/vis-util.min.js"
  "uuid@8.3.2 dist/umd/uuid.min.js"
  "vis-data@7.1.4 esnext/umd/vis-data.min.js"
  "keycharm@0.4.0 keycharm.js"
  "timsort@0.3.0 build/timsort.min.js"
  "vis-network@9.1.2 esnext/umd/vis-network.min.js"
)
{
  printf '/**\n * vis-network (esnext build)\n * @version 9.1.2\n'
  printf ' * with its peer dependencies, each file unchanged but for its source-map comment:\n'
  for p in "${parts[@]}"; do printf ' *   %s (%s)\n' "${p%% *}" "${p#* }"; done
  printf ' * Licenses: vis-network.NOTICE next to this file. Built by scripts/vendor_vis_network.sh.\n */\n'
} > bundle.js
for p in "${parts[@]}"; do
  spec="${p%% *}"; file="${p#* }"
  tgz="$(npm pack --silent "$spec" | tail -n 1)"
  mkdir -p "x/$spec" && tar xzf "$tgz" -C "x/$spec"
  grep -v '^//# sourceMappingURL=' "x/$spec/package/$file" >> bundle.js
  printf '\n;\n' >> bundle.js
done
cp bundle.js "$out/vis-network.min.js"
echo "wrote $out/vis-network.min.js ($(wc -c < bundle.js) bytes)"
