#!/usr/bin/env bash
# A bare Docusaurus classic template (TypeScript) at this site's Docusaurus version, installed,
# for the benchmarks that compare this site with it (bench/site-vs-classic.sh,
# bench/lighthouse/). Needs the npm registry. Template code is never committed: it goes in the
# folder given.
#
#   bash bench/classic-template.sh PARENT-DIR    # creates PARENT-DIR/classic-site, prints its path
set -euo pipefail
parent=${1:?usage: bash bench/classic-template.sh PARENT-DIR}
cd "$(dirname "$0")/.."
version=$(node -p "require('@docusaurus/core/package.json').version")
mkdir -p "$parent"
cd "$parent"
npx -y "create-docusaurus@$version" classic-site classic --typescript --skip-install >/dev/null
cd classic-site
npm install --no-audit --no-fund --loglevel=error >/dev/null
pwd
