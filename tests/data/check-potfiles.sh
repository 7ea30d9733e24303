#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.sh SRCDIR
#
# Fails when a file with translatable strings is missing from po/POTFILES,
# or when po/POTFILES lists a file that does not exist.  Looks at:
#   src/**/*.c, src/**/*.h  calling _(), N_(), C_(), NC_(), ngettext or
#                           g_dngettext;
#   ui/**/*.ui, src/**/*.ui with translatable="yes";
#   data/*.desktop.in       with Name/GenericName/Comment/Keywords;
#   data/*.xml.in           (metainfo) with name/summary/description/...;
#   data/*.gschema.xml      with summary/description.
set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 SRCDIR" >&2
  exit 2
fi
cd "$1" || exit 2

potfiles=po/POTFILES
if [ ! -f "$potfiles" ]; then
  echo "FAIL: $potfiles does not exist" >&2
  exit 1
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# Listed files: one per line; blank lines, "# comments" and intltool's
# "[encoding: ...]" lines are ignored; surrounding blanks are stripped.
sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$potfiles" \
  | grep -v -e '^$' -e '^#' -e '^\[' | sort -u > "$tmp/listed"

# Files that need to be listed.
: > "$tmp/needed"
if [ -d src ]; then
  find src -type f \( -name '*.c' -o -name '*.h' \) -print | sort | while read -r f; do
    if grep -Eq '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)[[:space:]]*\(|(^|[^A-Za-z0-9_])ngettext[[:space:]]*\(|g_dngettext' "$f"; then
      echo "$f"
    fi
  done >> "$tmp/needed"
fi
for d in ui src; do
  [ -d "$d" ] || continue
  find "$d" -type f -name '*.ui' -print | sort | while read -r f; do
    if grep -q 'translatable="yes"' "$f"; then
      echo "$f"
    fi
  done >> "$tmp/needed"
done
if [ -d data ]; then
  for f in data/*.desktop.in; do
    [ -f "$f" ] || continue
    if grep -Eq '^(Name|GenericName|Comment|Keywords|X-GNOME-FullName)[[:space:]]*=' "$f"; then
      echo "$f"
    fi
  done >> "$tmp/needed"
  for f in data/*.xml.in; do
    [ -f "$f" ] || continue
    if grep -Eq '<(name|summary|description|developer_name|caption|keyword|p)[[:space:]>]' "$f"; then
      echo "$f"
    fi
  done >> "$tmp/needed"
  for f in data/*.gschema.xml data/*.gschema.xml.in; do
    [ -f "$f" ] || continue
    if grep -Eq '<(summary|description)[[:space:]>]' "$f"; then
      echo "$f"
    fi
  done >> "$tmp/needed"
fi
sort -u "$tmp/needed" -o "$tmp/needed"

status=0

missing=$(comm -23 "$tmp/needed" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "FAIL: files with translatable strings missing from $potfiles:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  status=1
fi

while read -r f; do
  if [ ! -f "$f" ]; then
    echo "FAIL: $potfiles lists $f, which does not exist" >&2
    status=1
  fi
done < "$tmp/listed"

if [ $status -eq 0 ]; then
  echo "$potfiles: OK ($(wc -l < "$tmp/listed") files listed, $(wc -l < "$tmp/needed") need translation)"
fi
exit $status
