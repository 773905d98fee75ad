#!/usr/bin/env bash
# Build time and the JavaScript a guide page transfers: this site beside a bare Docusaurus
# classic template (same Docusaurus version), built on the same machine in the same run.
#
#   bash bench/site-vs-classic.sh [path-to-an-installed-classic-template]
#
# Without an argument it creates the template in a temporary folder (bench/classic-template.sh,
# needs the npm registry). Builds are cold: caches are cleared first. Prints a table and a
# last line of JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
version=$(node -p "require('@docusaurus/core/package.json').version")

classic=${1:-}
if [ -z "$classic" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  classic=$(bash bench/classic-template.sh "$tmp")
fi

cold_build() { # dir out-dir -> milliseconds
  (cd "$1" && { npx docusaurus clear >/dev/null 2>&1 || true; }
   start=$(date +%s%N)
   ENTRA_CLIENT_ID=${ENTRA_CLIENT_ID:-} npx docusaurus build --out-dir "$2" >/dev/null 2>&1
   end=$(date +%s%N)
   echo $(( (end - start) / 1000000 )))
}

ours_build=$(mktemp -d); classic_build=$(mktemp -d)
ours_ms=$(ENTRA_CLIENT_ID=00000000-0000-4000-8000-00000000b0b0 cold_build "$repo" "$ours_build")
classic_ms=$(cold_build "$classic" "$classic_build")
# The page weight is measured behind nginx with the configuration a build writes: the template's
# build gets this site's postBuild hosting files (its own CSP), outside the timed build.
npx tsx bench/lighthouse/secure-build.ts "$classic_build"

weigh() { npx tsx scripts/measure-page-weight.ts "$1" --page "$2" 2>/dev/null | tail -n 1; }
ours_js=$(weigh "$ours_build" /docs/office365/)
classic_js=$(weigh "$classic_build" /docs/intro)
rm -rf "$ours_build" "$classic_build"

node -e '
const [oursMs, classicMs, ours, classic, version] = process.argv.slice(1);
const o = JSON.parse(ours), c = JSON.parse(classic);
const kb = (b) => (b / 1024).toFixed(1) + " KB";
const rows = [
  ["", "this site (/docs/office365/)", `classic template ${version} (/docs/intro)`],
  ["cold build", `${(oursMs / 1000).toFixed(1)} s`, `${(classicMs / 1000).toFixed(1)} s`],
  ["JS on load, files", String(o.onLoad.files), String(c.onLoad.files)],
  ["JS on load, raw", kb(o.onLoad.rawBytes), kb(c.onLoad.rawBytes)],
  ["JS on load, sent (gzip)", kb(o.onLoad.transferredBytes), kb(c.onLoad.transferredBytes)],
  ["live check adds, sent", o.liveCheckExtra ? kb(o.liveCheckExtra.transferredBytes) : "-", "-"],
];
for (const r of rows) console.log(r[0].padEnd(24) + r[1].padStart(30) + r[2].padStart(40));
console.log(JSON.stringify({docusaurus: version, buildSeconds: {ours: +(oursMs / 1000).toFixed(1), classic: +(classicMs / 1000).toFixed(1)},
  guidePageJsSentBytes: {ours: o.onLoad.transferredBytes, classic: c.onLoad.transferredBytes},
  guidePageJsRawBytes: {ours: o.onLoad.rawBytes, classic: c.onLoad.rawBytes},
  liveCheckJsSentBytes: o.liveCheckExtra ? o.liveCheckExtra.transferredBytes : null}));
' "$ours_ms" "$classic_ms" "$ours_js" "$classic_js" "$version"
