#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks every HTTP exchange an API test program recorded (one JSON line
# each, see tests/common/appeals-test-exchanges.c) against the OpenAPI
# document: the status is documented for the operation, the body is valid
# against its schema (objects are closed, so an undocumented member fails),
# the required headers are there and no undocumented ETag, Location,
# Retry-After... is sent. Failures are grouped and printed to stderr as
#   METHOD /template (operationId) → status: body/json/pointer: what is wrong
# (list indices as *)
# with the first test that received such an answer; exit status 1 if any.
#
# usage: validate-exchanges.py openapi.json exchanges.jsonl
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import openapi_contract  # noqa: E402

MAX_SHOWN = 60
ELEMENT = re.compile(r'/\d+(?=[/:])')


def validate(document, lines):
    """(number of exchanges, {failure: (count, first test)}, operations seen)."""
    contract = openapi_contract.Contract(document)
    failures = {}
    seen = set()
    count = 0
    for line in lines:
        if not line.strip():
            continue
        exchange = json.loads(line)
        count += 1
        template, item = contract.match(exchange['path'])
        if template is not None and exchange['method'].lower() in item:
            seen.add((exchange['method'], template, str(exchange['status'])))
        for failure in openapi_contract.check_exchange(contract, exchange):
            # the same fault in every element of a list is one failure
            failure = ELEMENT.sub('/*', failure)
            n, test = failures.get(failure, (0, exchange.get('test', '')))
            failures[failure] = (n + 1, test)
    return count, failures, seen


def main():
    document = openapi_contract.load(sys.argv[1])
    with open(sys.argv[2], encoding='utf-8') as f:
        count, failures, seen = validate(document, f)
    for failure, (n, test) in sorted(failures.items())[:MAX_SHOWN]:
        print(f'{failure}  [{n}×, first in {test}]', file=sys.stderr)
    if len(failures) > MAX_SHOWN:
        print(f'… and {len(failures) - MAX_SHOWN} more', file=sys.stderr)
    operations = {(m, t) for m, t, _ in seen}
    for path, item in document['paths'].items():
        for method in item:
            if method in openapi_contract.METHODS and (method.upper(), path) not in operations:
                print(f'note: {method.upper()} {path} was not exercised', file=sys.stderr)
    print(f'{count} exchanges checked against {sys.argv[1]}: {len(operations)} operations, '
          f'{len(seen)} (operation, status) pairs exercised; {len(failures)} distinct failures',
          file=sys.stderr)
    return 1 if failures or count == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
