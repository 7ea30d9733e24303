#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-glossary.py SRCDIR: po/kk.po and po/ru.po follow po/glossary.tsv.

For every glossary row and every catalog entry whose English msgid matches
the row's "where" regex, the translation must not contain the row's
"avoid" regex for that language; a msgid that is exactly the English term
(a label) must be translated exactly as the term.  Mnemonic underscores,
a trailing "…" and letter case are ignored.  Prints every violation and
exits 1 if there is any.

With --self-test, checks that a catalog breaking each kind of rule is
caught (so that the check cannot pass by reading nothing)."""
import re
import sys

QUOTED = r'((?:"(?:[^"\\]|\\.)*"\s*)+)'
ENTRY = re.compile(r'(?:msgctxt ' + QUOTED + r')?msgid ' + QUOTED + r'(?:msgid_plural ' + QUOTED + r')?'
                   r'((?:msgstr(?:\[\d+\])? ' + QUOTED + r')+)')
MSGSTR = re.compile(r'msgstr(?:\[\d+\])? ' + QUOTED)
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def join(text):
    return ''.join(STRING.findall(text or ''))


def read_catalog(text):
    """[(msgid, msgstr)] of the live entries, the header left out; a
    plural entry gives a pair for each of its forms."""
    live = '\n'.join(line for line in text.splitlines() if not line.startswith('#'))
    pairs = []
    for m in ENTRY.finditer(live):
        if not join(m.group(2)):
            continue
        for form in MSGSTR.finditer(m.group(4)):
            pairs.append((join(m.group(2)), join(form.group(1))))
    return pairs


def read_glossary(text):
    rows = []
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith('#')]
    header = lines[0].split('\t')
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split('\t')
        if len(cells) != len(header):
            raise SystemExit(f'glossary line {number}: {len(cells)} cells, expected {len(header)}')
        rows.append(dict(zip(header, cells)))
    return rows


def normal(text):
    return text.replace('_', '').rstrip('…').strip().casefold()


def check(glossary, catalogs):
    """Returns the violations as lines."""
    problems = []
    for row in glossary:
        where = re.compile(row['where'], re.IGNORECASE)
        for language, column in (('kk', 'kazakh'), ('ru', 'russian')):
            avoid = row[column + '-avoid']
            avoid_re = re.compile(avoid, re.IGNORECASE) if avoid else None
            for msgid, msgstr in catalogs[language]:
                english = normal(msgid)
                if not where.search(english):
                    continue
                if avoid_re is not None and avoid_re.search(msgstr.replace('_', '')):
                    problems.append(f'{language}: "{msgid}" → "{msgstr}": avoid /{avoid}/ '
                                    f'(glossary: {row["english"]} = {row[column]})')
                terms = [normal(term) for term in row[column].split(' / ')]
                if english == normal(row['english']) and normal(msgstr) not in terms:
                    problems.append(f'{language}: "{msgid}" → "{msgstr}": the term is "{row[column]}"')
    return problems


def self_test(glossary):
    bad = {
        'kk': [('_Cancel', 'Б_ас тарту'), ('Overdue', 'Мерзімі өтті'), ('Status', 'Күйі')]
              + read_catalog('msgid "%d overdue"\nmsgid_plural "%d overdue"\n'
                             'msgstr[0] "%d мерзімі өткен"\nmsgstr[1] "%d кешікті"\n'),
        'ru': [('By hand', 'Нарочно'), ('_Cancel', '_Отмена')],
    }
    problems = check(glossary, bad)
    expected = ['"_Cancel" → "Б_ас тарту"', '"Overdue" → "Мерзімі өтті"', '"By hand" → "Нарочно"',
                '"%d overdue" → "%d кешікті"']
    missing = [e for e in expected if not any(e in p for p in problems)]
    wrong = [p for p in problems if '"Status"' in p or '"_Отмена"' in p or '→ "%d мерзімі өткен"' in p]
    if missing or wrong:
        print('self-test FAILED: not caught:', missing, 'caught wrongly:', wrong)
        return 1
    print(f'self-test: {len(problems)} violations caught in a broken catalog, none in its good entries')
    return 0


def main(argv):
    srcdir = argv[-1]
    with open(f'{srcdir}/po/glossary.tsv', encoding='utf-8') as f:
        glossary = read_glossary(f.read())
    if '--self-test' in argv:
        return self_test(glossary)
    catalogs = {}
    for language in ('kk', 'ru'):
        with open(f'{srcdir}/po/{language}.po', encoding='utf-8') as f:
            catalogs[language] = read_catalog(f.read())
        if len(catalogs[language]) < 100:
            print(f'po/{language}.po: only {len(catalogs[language])} entries read')
            return 1
    problems = check(glossary, catalogs)
    for problem in problems:
        print(problem)
    print(f'glossary: {len(glossary)} terms, {sum(len(c) for c in catalogs.values())} translations checked, '
          f'{len(problems)} violations')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
