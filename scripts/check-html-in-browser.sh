#!/usr/bin/env bash
# Renders report.html in real headless Chromium, with the network disabled, and checks what a reader
# sees: the page renders, the readiness overview and failing items are there, nothing was fetched.
# Usage: scripts/check-html-in-browser.sh [REPORT_DIR]   (default: runs the demo into a temp folder)
# Needs Debian's chromium (apt-get install chromium). Writes a screenshot next to the report.
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "check-html: chromium not installed (apt-get install chromium)"; exit 2; }

dir=${1:-}
if [ -z "$dir" ]; then
  dir=$(mktemp -d)/report
  node bin/soc2.js scan --demo --quiet --out "$dir" || true
fi
html="$dir/report.html"
[ -f "$html" ] || { echo "check-html: $html not found"; exit 2; }

profile=$(mktemp -d)
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --user-data-dir="$profile" --proxy-server=127.0.0.1:9
  --proxy-bypass-list='<-loopback>')
dom=$("$browser" "${flags[@]}" --dump-dom "file://$(realpath "$html")" 2>/dev/null)
"$browser" "${flags[@]}" --window-size=1280,2400 --screenshot="$dir/report.png" "file://$(realpath "$html")" >/dev/null 2>&1
rm -rf "$profile"

fail=0
expect() { grep -q "$1" <<<"$dom" || { echo "check-html: rendered page lacks: $1"; fail=1; }; }
expect 'SOC 2 readiness'
expect 'Readiness by category'
expect 'Failing checks'
expect 'Manual evidence still needed'
expect 'class="crit '
[ -s "$dir/report.png" ] || { echo "check-html: no screenshot"; fail=1; }
[ $fail -eq 0 ] && echo "check-html: ok ($(wc -c <<<"$dom") bytes of DOM, screenshot $dir/report.png)"
exit $fail
