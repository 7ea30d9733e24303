#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read the analytical note's flat OpenDocument text back.

Usage: check-analytical-note.py NOTE.fodt TOTAL LANGUAGE [TEXT...]

The file parses as XML; its root is office:document with the text
mimetype; it holds the charts and the map as embedded base64 PNG pictures
(office:binary-data), real tables (table:table) and, in the first table's
first row, the half-year's total appeals as a number cell equal to TOTAL;
its words are in LANGUAGE (Kazakh letters in kk, none in ru), and every
TEXT given appears in it.
"""

import base64
import sys
import xml.etree.ElementTree as ElementTree

OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0'
TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0'
TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0'
KAZAKH_LETTERS = set('әғқңөұүһіӘҒҚҢӨҰҮҺІ')
PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    sys.exit(1)


def main():
    path, total, language = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        fail(f'{path} is not well-formed XML: {error}')
    if root.tag != f'{{{OFFICE}}}document':
        fail(f'{path}: the root is {root.tag}')
    if root.get(f'{{{OFFICE}}}mimetype') != 'application/vnd.oasis.opendocument.text':
        fail(f'{path}: the mimetype is {root.get(f"{{{OFFICE}}}mimetype")!r}')

    pictures = root.findall(f'.//{{{OFFICE}}}binary-data')
    if len(pictures) < 3:
        fail(f'{path}: {len(pictures)} pictures, expected the bar chart, the map and the line chart')
    for number, picture in enumerate(pictures, 1):
        data = base64.b64decode(''.join(picture.text.split()))
        if not data.startswith(PNG_SIGNATURE) or len(data) < 2000:
            fail(f'{path}: picture {number} is not a PNG of substance ({len(data)} bytes)')

    tables = root.findall(f'.//{{{TABLE}}}table')
    if len(tables) < 5:
        fail(f'{path}: {len(tables)} tables, expected at least 5')
    rows = tables[0].findall(f'.//{{{TABLE}}}table-row')
    cells = rows[1].findall(f'{{{TABLE}}}table-cell')
    if cells[1].get(f'{{{OFFICE}}}value-type') != 'float' or int(cells[1].get(f'{{{OFFICE}}}value')) != total:
        fail(f'{path}: the total cell is {cells[1].attrib}, expected {total}')

    body = root.find(f'{{{OFFICE}}}body')
    text = ' '.join(''.join(element.itertext()) for element in body.iter()
                    if element.tag in (f'{{{TEXT}}}p', f'{{{TEXT}}}h'))
    if language == 'kk' and not KAZAKH_LETTERS & set(text):
        fail(f'{path}: no Kazakh letters in a Kazakh note')
    if language == 'ru' and KAZAKH_LETTERS & set(text):
        fail(f'{path}: Kazakh letters in a Russian note')
    for expected in sys.argv[4:]:
        if expected not in text:
            fail(f'{path}: no {expected!r} in the text')
    print(f'{path}: {len(pictures)} pictures, {len(tables)} tables, total {total}')


if __name__ == '__main__':
    main()
