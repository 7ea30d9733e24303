# SPDX-License-Identifier: GPL-3.0-or-later
# openapi_contract.py: data/api/openapi.json as something to check answers
# against. Shared by validate-exchanges.py (the answers the API suites
# received), check-openapi.py (the document itself) and their self-test.
#
# OpenAPI 3.0 schemas are a dialect of JSON Schema draft 4: `nullable`
# becomes a "null" type, the annotations (`example`, `readOnly`...) go, and
# a `$ref` to #/components/schemas/X resolves inside the converted document,
# which is handed to jsonschema as the root of every schema.
import datetime
import json
import re

import jsonschema

METHODS = ('get', 'put', 'post', 'delete', 'patch', 'head', 'options')
ANNOTATIONS = ('example', 'readOnly', 'writeOnly', 'deprecated', 'discriminator', 'xml', 'externalDocs')
# Headers whose presence is a promise: an answer carrying one that its
# response does not document is an error.
CONTRACT_HEADERS = ('etag', 'location', 'retry-after', 'allow', 'content-disposition', 'x-content-sha256')

DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
DATE_TIME = re.compile(r'^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$')


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def _check_date(value):
    if not isinstance(value, str):
        return True
    if not DATE.match(value):
        return False
    datetime.date.fromisoformat(value)
    return True


def _check_date_time(value):
    return not isinstance(value, str) or DATE_TIME.match(value) is not None


FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks('date', raises=ValueError)(_check_date)
FORMATS.checks('date-time')(_check_date_time)


def to_json_schema(node):
    """An OpenAPI 3.0 schema (or any part of the document) as draft 4."""
    if isinstance(node, list):
        return [to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ANNOTATIONS or key.startswith('x-') or key == 'nullable':
            continue
        if key in ('properties', 'patternProperties', 'definitions'):
            out[key] = {name: to_json_schema(sub) for name, sub in value.items()}
        else:
            out[key] = to_json_schema(value)
    if node.get('nullable'):
        if 'type' in out:
            out['type'] = [out['type'], 'null'] if isinstance(out['type'], str) else out['type'] + ['null']
        if 'enum' in out and None not in out['enum']:
            out['enum'] = out['enum'] + [None]
        if 'allOf' in out or 'oneOf' in out or 'anyOf' in out or '$ref' in out:
            out = {'anyOf': [{'type': 'null'}, out]}
    return out


def pointer(parts):
    return '/' + '/'.join(str(p).replace('~', '~0').replace('/', '~1') for p in parts) if parts else ''


class Contract:
    def __init__(self, document):
        self.document = document
        self.base = document['servers'][0]['url']
        self.root = {'components': to_json_schema(document.get('components', {}))}
        self.routes = []
        for template, item in document['paths'].items():
            names = re.findall(r'\{([^}]+)\}', template)
            regex = '^' + re.sub(r'\\\{[^}]+\\\}', '([^/]+)', re.escape(template)) + '$'
            self.routes.append((len(names), -len(template), template, re.compile(regex), item))
        # a literal segment wins over a parameter, as in the server's router
        self.routes.sort(key=lambda r: (r[0], r[1]))

    def resolve(self, node):
        while isinstance(node, dict) and '$ref' in node:
            ref = node['$ref']
            if not ref.startswith('#/'):
                raise KeyError(f'external $ref {ref}')
            node = self.document
            for part in ref[2:].split('/'):
                node = node[part.replace('~1', '/').replace('~0', '~')]
        return node

    def match(self, path):
        """(template, path item) of the path, or (None, None)."""
        if not path.startswith(self.base):
            return None, None
        rest = path[len(self.base):]
        for _, _, template, regex, item in self.routes:
            if regex.match(rest):
                return template, item
        return None, None

    def schema_errors(self, schema, instance):
        """(JSON pointer, message) of every place @instance breaks @schema."""
        root = dict(self.root)
        root.update(to_json_schema(schema))
        validator = jsonschema.Draft4Validator(root, format_checker=FORMATS)
        found = []
        for error in validator.iter_errors(instance):
            found.extend(_explain(error))
        return sorted(set(found))


def _explain(error):
    """One error, or the members of its best branch, with precise pointers."""
    where = list(error.absolute_path)
    if error.validator == 'additionalProperties' and isinstance(error.instance, dict):
        known = set(error.schema.get('properties', {}))
        patterns = [re.compile(p) for p in error.schema.get('patternProperties', {})]
        extra = [k for k in error.instance if k not in known and not any(p.search(k) for p in patterns)]
        return [(pointer(where + [k]), 'member not in the schema') for k in extra]
    if error.validator in ('anyOf', 'oneOf') and error.context:
        # the branch with the fewest errors is the one the answer meant
        branches = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        closest = min(branches.values(), key=len)
        return [found for sub in closest for found in _explain(sub)]
    return [(pointer(where), error.message if len(error.message) < 240 else error.message[:240] + '…')]


def media_type(value):
    return (value or '').split(';')[0].strip().lower()


def check_exchange(contract, exchange):
    """The list of failures (strings) of one recorded exchange."""
    method = exchange['method'].lower()
    status = str(exchange['status'])
    path = exchange['path']
    headers = exchange.get('headers', {})
    template, item = contract.match(path)
    if template is None or method not in item:
        router = contract.document.get('x-router-responses', {})
        kind = 'unknown-path' if template is None else 'unknown-method'
        responses = router.get(kind, {})
        label = f'{exchange["method"]} {path} (no operation: {kind})'
    else:
        operation = item[method]
        responses = operation.get('responses', {})
        label = f'{exchange["method"]} {template} ({operation.get("operationId", "?")})'
    if status not in responses:
        return [f'{label} → {status}: status not documented (documented: {", ".join(sorted(responses))})']
    response = contract.resolve(responses[status])
    where = f'{label} → {status}'
    failures = []

    documented_headers = {name.lower(): contract.resolve(h) for name, h in response.get('headers', {}).items()}
    for name, header in documented_headers.items():
        if header.get('required') and name not in headers:
            failures.append(f'{where}: header {name} missing')
        elif name in headers and 'schema' in header:
            value = headers[name]
            schema = contract.resolve(header['schema'])
            if schema.get('type') == 'integer':
                value = int(value) if re.fullmatch(r'-?\d+', value) else value
            for at, message in contract.schema_errors(header['schema'], value):
                failures.append(f'{where}: header {name}: {message}')
    for name in CONTRACT_HEADERS:
        if name in headers and name not in documented_headers:
            failures.append(f'{where}: header {name} sent but not documented')

    content = response.get('content')
    body = exchange.get('body')
    if not content:
        if exchange.get('body_size', 0) != 0:
            failures.append(f'{where}: a body ({exchange["body_size"]} bytes) where none is documented')
        return failures
    answered_type = media_type(headers.get('content-type'))
    if answered_type not in content:
        failures.append(f'{where}: Content-Type {answered_type or "(none)"} not documented '
                        f'(documented: {", ".join(content)})')
        return failures
    schema = content[answered_type].get('schema')
    if schema is None:
        return failures
    if body is None:
        if answered_type.endswith('json'):
            failures.append(f'{where}: no JSON body')
        return failures
    if not answered_type.endswith('json'):
        return failures
    try:
        instance = json.loads(body)
    except ValueError as e:
        return failures + [f'{where}: body is not JSON: {e}']
    for at, message in contract.schema_errors(schema, instance):
        failures.append(f'{where}: body{at or " (root)"}: {message}')
    return failures
