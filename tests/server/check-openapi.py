#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks data/api/openapi.json as a document:
# - the routes it lists and the routes appeals-server serves are the same set;
# - it is the OpenAPI 3.0 subset we use: every $ref resolves, every operation
#   has a unique operationId and an English summary and lists its statuses
#   (no "default"), every schema is valid JSON Schema with only OpenAPI 3.0
#   keywords and closed objects, every example is valid;
# - the problem and field error codes of src/core/appeals-error.h are listed
#   with their meaning;
# - the record types of src/core (dump-record-schemas) are described member
#   for member.
#
# usage: check-openapi.py SERVER DOCUMENT ERROR_HEADER DUMP_RECORD_SCHEMAS
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import openapi_contract  # noqa: E402
import openapi_structure  # noqa: E402


def route_problems(server, spec):
    base = spec['servers'][0]['url']
    documented = {f'{method.upper()} {base}{path}'
                  for path, method, _ in openapi_structure.operations(spec)}
    served = set(subprocess.run([server, '--list-routes'], check=True, capture_output=True,
                                text=True).stdout.split('\n')) - {''}
    print(f'{len(served)} routes served, {len(documented)} documented')
    return ([f'served but not documented: {route}' for route in sorted(served - documented)] +
            [f'documented but not served: {route}' for route in sorted(documented - served)])


def server_codes(header):
    """The problem and field error codes appeals-error.h defines."""
    with open(header, encoding='utf-8') as f:
        text = f.read()
    problem = re.findall(r'#define APPEALS_PROBLEM_\w+\s+"([a-z_]+)"', text)
    field = re.findall(r'#define APPEALS_FIELD_\w+\s+"([a-z_]+)"', text)
    return problem, field


def main():
    server, document, header, dumper = sys.argv[1:5]
    spec = openapi_contract.load(document)
    records = json.loads(subprocess.run([dumper], check=True, capture_output=True, text=True).stdout)
    problem_codes, field_codes = server_codes(header)

    problems = route_problems(server, spec)
    problems += openapi_structure.check_refs(spec)
    if not problems:
        problems += openapi_structure.check_operations(spec)
        problems += openapi_structure.check_schemas(spec)
        problems += openapi_structure.check_codes(spec, problem_codes, field_codes)
        problems += openapi_structure.check_records(spec, records)
    for problem in problems:
        print(problem)
    n_operations = sum(1 for _ in openapi_structure.operations(spec))
    print(f'{n_operations} operations, {len(spec["components"]["schemas"])} schemas, '
          f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
