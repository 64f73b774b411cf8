#!/bin/sh
# Renders icon.svg to the PNG sizes the manifests name, with Debian's headless
# Chromium (Chrome reads no SVG icons). Run by hand after editing icon.svg;
# the PNGs are checked in, so builds need no browser.
set -eu
cd "$(dirname "$0")"
for s in 16 32 48 128; do
  page=$(mktemp --suffix=.html)
  printf '<html><body style="margin:0"><img src="file://%s/icon.svg" width="%s" height="%s" style="display:block"></body></html>' "$PWD" "$s" "$s" > "$page"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$s,$s" --screenshot="$PWD/icon-$s.png" "file://$page" 2>/dev/null
  rm -f "$page"
done
