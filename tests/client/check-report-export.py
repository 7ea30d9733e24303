#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read the line report's exports back and compare them with its JSON.

Usage: check-report-export.py REPORT.json REPORT.xlsx CSV_PREFIX LANGUAGE

The XLSX is opened with openpyxl (Debian: python3-openpyxl): a sheet per
table in the report's order, the title in row 1, the header in row 2, then
one row per ranked key with real numbers — count, share (a fraction shown
in percent), the comparison count and the change (empty when there is
nothing to compare with); the timeliness sheet last. Every CSV
(CSV_PREFIX-<table>.csv) starts with a UTF-8 byte-order mark and parses
back, with the csv module, to the same figures.
"""

import csv
import json
import sys

import openpyxl

KAZAKH_LETTERS = set('әғқңөұүһіӘҒҚҢӨҰҮҺІ')
TIMELINESS = ['registered', 'answered_in_term', 'answered_late', 'overdue_now']


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    sys.exit(1)


def same(a, b, tolerance=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tolerance


def expected_tables(report):
    """(name, [(count-like figures...)]) per table, in the file's order."""
    tables = []
    for ranking in report['rankings']:
        rows = [(r['count'], r['share'], r['compare_count'], r['change']) for r in ranking['rows']]
        tables.append((ranking['dimension'], rows))
    rows = [tuple(b[f] for f in TIMELINESS) + (b['average_working_days'],) for b in report['timeliness']]
    tables.append(('timeliness', rows))
    return tables


def check_xlsx(path, tables):
    workbook = openpyxl.load_workbook(path)
    if len(workbook.worksheets) != len(tables):
        fail(f'{path}: {len(workbook.worksheets)} sheets, expected {len(tables)}')
    labels = []
    for sheet, (name, rows) in zip(workbook.worksheets, tables):
        if not sheet.cell(1, 1).value or not sheet.cell(2, 1).value:
            fail(f'{path}: sheet {sheet.title} has no title or header')
        if sheet.column_dimensions['A'].width < 30:
            fail(f'{path}: sheet {sheet.title}: the first column is narrow')
        if sheet.max_row != len(rows) + 2 and not (len(rows) == 0 and sheet.max_row <= 2):
            fail(f'{path}: sheet {sheet.title} has {sheet.max_row - 2} rows, expected {len(rows)}')
        for i, figures in enumerate(rows):
            cells = [sheet.cell(i + 3, c + 2).value for c in range(len(figures))]
            label = sheet.cell(i + 3, 1).value
            if not isinstance(label, str) or not label:
                fail(f'{path}: {name} row {i + 1} has no label')
            labels.append(label)
            for c, (got, want) in enumerate(zip(cells, figures)):
                if want is not None and not isinstance(got, (int, float)):
                    fail(f'{path}: {name} row {i + 1} column {c + 2} is {got!r}, not a number')
                if not same(got, want):
                    fail(f'{path}: {name} row {i + 1} column {c + 2}: {got!r} != {want!r}')
        if name != 'timeliness' and rows:
            if sheet.cell(3, 3).number_format != '0.0%':
                fail(f'{path}: {name}: shares are not shown in percent')
    print(f'{path}: {len(tables)} sheets, {len(labels)} rows match the JSON')
    return labels


def check_csv(prefix, tables):
    n = 0
    for name, rows in tables:
        path = f'{prefix}-{name}.csv'
        with open(path, 'rb') as f:
            if not f.read(3) == b'\xef\xbb\xbf':
                fail(f'{path}: no UTF-8 byte-order mark')
        with open(path, encoding='utf-8-sig', newline='') as f:
            lines = list(csv.reader(f))
        if len(lines) != len(rows) + 1:
            fail(f'{path}: {len(lines) - 1} rows, expected {len(rows)}')
        for i, (line, figures) in enumerate(zip(lines[1:], rows)):
            if len(line) != len(figures) + 1:
                fail(f'{path}: row {i + 1} has {len(line)} fields')
            for c, (text, want) in enumerate(zip(line[1:], figures)):
                got = float(text) if text != '' else None
                # shares and changes are written in percent with two decimals
                is_fraction = name != 'timeliness' and c in (1, 3)
                if is_fraction and got is not None:
                    got /= 100
                tolerance = 0.00005 + 1e-12 if is_fraction else (0.005 + 1e-12 if name == "timeliness" and c == 4 else 0)
                if not same(got, want, tolerance):
                    fail(f'{path}: row {i + 1} field {c + 2}: {text!r} != {want!r}')
            n += 1
    print(f'{prefix}-*.csv: {len(tables)} files, {n} rows round-trip to the JSON')


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    json_path, xlsx_path, csv_prefix, language = sys.argv[1:]
    with open(json_path, encoding='utf-8') as f:
        report = json.load(f)
    tables = expected_tables(report)
    if sum(len(rows) for _, rows in tables) == 0:
        fail('the report is empty: nothing would be checked')
    labels = check_xlsx(xlsx_path, tables)
    check_csv(csv_prefix, tables)
    text = ''.join(labels)
    if language == 'kk' and not KAZAKH_LETTERS & set(text):
        fail('the Kazakh export has no Kazakh letters in its labels')
    if language == 'ru' and KAZAKH_LETTERS & set(text):
        fail('the Russian export has Kazakh letters in its labels')


if __name__ == '__main__':
    main()
