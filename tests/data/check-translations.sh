#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.sh SRCDIR
#
# For every language in po/LINGUAS:
#  1. po/LANG.po must compile with msgfmt --check and have no untranslated
#     or fuzzy messages;
#  2. po/LANG.po must be up to date with the sources: it is merged with a
#     template freshly extracted from the files in po/POTFILES, and the
#     merge must have no untranslated or fuzzy messages either.  Missing
#     msgids are printed.
set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 SRCDIR" >&2
  exit 2
fi
srcdir=$(cd "$1" && pwd) || exit 2
cd "$srcdir" || exit 2

for tool in xgettext msgfmt msgmerge msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL: $tool not found (install gettext)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# msgfmt's statistics are parsed below: keep them in English.
LC_ALL=C
export LC_ALL

# A fresh template.  xgettext picks the language by file name: C for
# .c/.h, GtkBuilder for .ui, Desktop for .desktop.in, and the ITS rules
# shipped with gettext/AppStream/GLib for .metainfo.xml.in and
# .gschema.xml (a trailing .in is ignored).  Comment lines in POTFILES
# are skipped by xgettext -f.
if ! xgettext --package-name=appeals-desk --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dgettext:2 --keyword=g_dcgettext:2 \
       --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --keyword=ngettext:1,2 \
       --force-po -f po/POTFILES -D "$srcdir" -o "$tmp/appeals-desk.pot"; then
  echo "FAIL: xgettext could not extract the template" >&2
  exit 1
fi
total=$(grep -c '^msgid ' "$tmp/appeals-desk.pot")
echo "template: $((total - 1)) messages from po/POTFILES"

languages=$(sed -e 's/#.*//' po/LINGUAS | tr -s '[:space:]' ' ')
if [ -z "$(echo "$languages" | tr -d ' ')" ]; then
  echo "FAIL: po/LINGUAS lists no languages" >&2
  exit 1
fi

# Prints the locations, contexts and msgids of a PO file on stdin,
# skipping its header entry and the msgstrs.
msgids() {
  awk '
    /^$/            { entry++; keep = 0; next }
    entry == 0      { next }
    /^#:/           { print; next }
    /^msg(ctxt|id|id_plural) / { keep = 1; print; next }
    /^msgstr/       { keep = 0; next }
    /^"/ && keep    { print }
  '
}

status=0
for lang in $languages; do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "FAIL: $po does not exist" >&2
    status=1
    continue
  fi

  # 1. The file as committed.
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$stats" >&2
    echo "FAIL: $po: msgfmt --check failed" >&2
    status=1
    continue
  fi
  echo "$po:"
  echo "$stats" | sed 's/^/  /'
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "FAIL: $po has untranslated or fuzzy messages" >&2
      status=1
      ;;
  esac

  # 2. Against the current sources.
  merged="$tmp/$lang.po"
  if ! msgmerge --quiet -o "$merged" "$po" "$tmp/appeals-desk.pot"; then
    echo "FAIL: $po: msgmerge failed" >&2
    status=1
    continue
  fi
  if ! mstats=$(msgfmt --check --statistics -o /dev/null "$merged" 2>&1); then
    echo "$mstats" >&2
    echo "FAIL: $po merged with the sources does not compile" >&2
    status=1
    continue
  fi
  echo "$po merged with the current sources:"
  echo "$mstats" | sed 's/^/  /'
  case "$mstats" in
    *untranslated*|*fuzzy*)
      echo "FAIL: $po is not up to date with the sources" >&2
      untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$merged" | msgids)
      fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | msgids)
      if [ -n "$untranslated" ]; then
        echo "  untranslated in $po:" >&2
        echo "$untranslated" | sed 's/^/    /' >&2
      fi
      if [ -n "$fuzzy" ]; then
        echo "  fuzzy in $po (changed in the sources):" >&2
        echo "$fuzzy" | sed 's/^/    /' >&2
      fi
      status=1
      ;;
  esac

  obsolete=$(msgattrib --only-obsolete --no-wrap "$merged" | grep -c '^#~ msgid ')
  if [ "$obsolete" -gt 0 ]; then
    echo "note: $po has $obsolete messages no longer in the sources (msgmerge would mark them obsolete)"
  fi
done

if [ $status -eq 0 ]; then
  echo "translations: OK ($languages)"
fi
exit $status
