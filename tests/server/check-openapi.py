#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The routes the OpenAPI document lists and the routes appeals-server
# serves must be the same set.
import json
import subprocess
import sys

server, document = sys.argv[1], sys.argv[2]
with open(document, encoding='utf-8') as f:
    spec = json.load(f)
base = spec['servers'][0]['url']
documented = {f'{method.upper()} {base}{path}'
              for path, item in spec['paths'].items()
              for method in item if method in ('get', 'post', 'put', 'patch', 'delete')}
served = set(subprocess.run([server, '--list-routes'], check=True, capture_output=True,
                            text=True).stdout.split('\n')) - {''}
for route in sorted(served - documented):
    print(f'served but not documented: {route}')
for route in sorted(documented - served):
    print(f'documented but not served: {route}')
print(f'{len(served)} routes served, {len(documented)} documented')
sys.exit(0 if served == documented else 1)
