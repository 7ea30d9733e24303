#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read the statistical report's exports back and compare them with it.

Usage: check-statistical-export.py REPORT.json REPORT.xlsx REPORT.csv LANGUAGE

The XLSX (openpyxl, Debian: python3-openpyxl) has one sheet: the title in
row 1, the header in row 2 (the indicator, a column per district, body or
kind, the total), then a row per row of the report with real numbers; the
first column is wide, the labels in LANGUAGE. The CSV starts with a UTF-8
byte-order mark and parses back, with the csv module, to the same counts.
"""

import csv
import json
import sys

import openpyxl

KAZAKH_LETTERS = set('әғқңөұүһіӘҒҚҢӨҰҮҺІ')


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    sys.exit(1)


def expected_rows(report, language):
    return [(row['label'][language], row['cells'] + [row['total']]) for row in report['rows']]


def check_labels(where, labels, language):
    text = ''.join(labels)
    if language == 'kk' and not KAZAKH_LETTERS & set(text):
        fail(f'{where}: no Kazakh letters in the labels')
    if language == 'ru' and KAZAKH_LETTERS & set(text):
        fail(f'{where}: Kazakh letters in the Russian labels')


def check_xlsx(path, report, language):
    workbook = openpyxl.load_workbook(path)
    if len(workbook.worksheets) != 1:
        fail(f'{path}: {len(workbook.worksheets)} sheets, expected 1')
    sheet = workbook.worksheets[0]
    if report['title'][language] not in (sheet.cell(1, 1).value or ''):
        fail(f'{path}: the title is {sheet.cell(1, 1).value!r}')
    if sheet.max_column != len(report['columns']) + 2:
        fail(f'{path}: {sheet.max_column} columns, expected {len(report["columns"]) + 2}')
    if sheet.column_dimensions['A'].width < 30:
        fail(f'{path}: the first column is narrow')
    rows = expected_rows(report, language)
    if sheet.max_row != len(rows) + 2:
        fail(f'{path}: {sheet.max_row - 2} rows, expected {len(rows)}')
    labels = []
    for i, (label, counts) in enumerate(rows):
        cells = [sheet.cell(i + 3, c + 2).value for c in range(len(counts))]
        if label not in sheet.cell(i + 3, 1).value:
            fail(f'{path}: row {i + 3} is {sheet.cell(i + 3, 1).value!r}, expected {label!r}')
        if any(not isinstance(v, (int, float)) for v in cells):
            fail(f'{path}: row {i + 3} has cells that are not numbers: {cells}')
        if [int(v) for v in cells] != counts:
            fail(f'{path}: row {i + 3} is {cells}, expected {counts}')
        labels.append(label)
    check_labels(path, labels, language)
    return len(rows) * len(rows[0][1])


def check_csv(path, report, language):
    with open(path, 'rb') as f:
        if not f.read(3) == b'\xef\xbb\xbf':
            fail(f'{path}: no UTF-8 byte-order mark')
    with open(path, encoding='utf-8-sig', newline='') as f:
        lines = list(csv.reader(f))
    rows = expected_rows(report, language)
    if len(lines) != len(rows) + 1 or len(lines[0]) != len(report['columns']) + 2:
        fail(f'{path}: {len(lines)} lines of {len(lines[0])} fields')
    for line, (label, counts) in zip(lines[1:], rows):
        if line[0].strip() != label or [int(v) for v in line[1:]] != counts:
            fail(f'{path}: {line} is not {label} {counts}')
    check_labels(path, [line[0] for line in lines[1:]], language)


def main():
    json_path, xlsx_path, csv_path, language = sys.argv[1:5]
    with open(json_path, encoding='utf-8') as f:
        report = json.load(f)
    cells = check_xlsx(xlsx_path, report, language)
    check_csv(csv_path, report, language)
    print(f'{xlsx_path} and {csv_path}: {cells} counts as in the report')


if __name__ == '__main__':
    main()
