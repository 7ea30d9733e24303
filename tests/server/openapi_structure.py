# SPDX-License-Identifier: GPL-3.0-or-later
# openapi_structure.py: the structural check of data/api/openapi.json, an
# OpenAPI 3.0 document in the subset appeals-server uses. Each check
# returns a list of problems (strings naming where); check-openapi.py runs
# them, the self-test feeds them broken documents.
import re

import jsonschema

import openapi_contract

METHODS = openapi_contract.METHODS
# The schema keywords of OpenAPI 3.0 (its Schema Object), and ours.
SCHEMA_KEYWORDS = {
    'title', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength',
    'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties',
    'required', 'enum', 'type', 'allOf', 'oneOf', 'anyOf', 'not', 'items', 'properties',
    'additionalProperties', 'description', 'format', 'default', 'nullable', 'discriminator', 'readOnly',
    'writeOnly', 'example', 'externalDocs', 'deprecated', '$ref',
}
# Not English: Cyrillic (kk, ru) in a summary.
NOT_ENGLISH = re.compile('[\u0400-\u04ff]')


def operations(document):
    for path, item in document.get('paths', {}).items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def nodes(node, where='#'):
    """(JSON pointer, object) of every object in @node, depth first."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from nodes(value, f'{where}/{key}')
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from nodes(value, f'{where}/{i}')


def check_refs(document):
    """Every $ref is local and resolves."""
    contract = openapi_contract.Contract(document)
    problems = []
    for where, node in nodes(document):
        if '$ref' in node:
            try:
                contract.resolve(node)
            except (KeyError, TypeError):
                problems.append(f'{where}: $ref {node["$ref"]} does not resolve')
    return problems


def check_operations(document):
    """operationId (unique), an English summary, declared path parameters,
    and answers by status only: an undocumented status must fail, so
    `default` is not allowed."""
    problems = []
    seen = {}
    contract = openapi_contract.Contract(document)
    for path, method, operation in operations(document):
        where = f'{method.upper()} {path}'
        op_id = operation.get('operationId')
        if not op_id:
            problems.append(f'{where}: no operationId')
        elif op_id in seen:
            problems.append(f'{where}: operationId {op_id} also used by {seen[op_id]}')
        else:
            seen[op_id] = where
        summary = operation.get('summary', '')
        if not summary.strip():
            problems.append(f'{where}: no summary')
        elif NOT_ENGLISH.search(summary):
            problems.append(f'{where}: the summary is not in English')
        responses = operation.get('responses', {})
        if 'default' in responses:
            problems.append(f'{where}: a "default" answer hides undocumented statuses; list each status')
        if not any(status.startswith('2') for status in responses):
            problems.append(f'{where}: no 2xx answer')
        for status in responses:
            if status != 'default' and not re.fullmatch(r'[1-5]\d\d', status):
                problems.append(f'{where}: {status} is not a status')
        declared = {contract.resolve(p).get('name') for p in operation.get('parameters', [])
                    if contract.resolve(p).get('in') == 'path'}
        for name in re.findall(r'\{([^}]+)\}', path):
            if name not in declared:
                problems.append(f'{where}: path parameter {name} not declared')
    return problems


def schemas(document):
    """(where, schema) of every schema in the document."""
    contract = openapi_contract.Contract(document)
    for name, schema in document.get('components', {}).get('schemas', {}).items():
        yield f'#/components/schemas/{name}', schema
    for name, header in document.get('components', {}).get('headers', {}).items():
        yield f'#/components/headers/{name}', header.get('schema', {})
    for path, method, operation in operations(document):
        where = f'{method.upper()} {path}'
        for p in operation.get('parameters', []):
            p = contract.resolve(p)
            yield f'{where} parameter {p.get("name")}', p.get('schema', {})
        body = contract.resolve(operation.get('requestBody', {}))
        for media, content in body.get('content', {}).items():
            yield f'{where} request {media}', content.get('schema', {})
        for status, response in operation.get('responses', {}).items():
            for media, content in contract.resolve(response).get('content', {}).items():
                yield f'{where} {status} {media}', content.get('schema', {})


def _keywords(schema, where, problems):
    if not isinstance(schema, dict):
        problems.append(f'{where}: a schema must be an object')
        return
    for key in schema:
        if key not in SCHEMA_KEYWORDS and not key.startswith('x-'):
            problems.append(f'{where}: {key} is not an OpenAPI 3.0 schema keyword')
    if '$ref' in schema and len(schema) > 1:
        problems.append(f'{where}: members beside $ref are ignored in OpenAPI 3.0')
    if schema.get('type') == 'object' and 'properties' in schema and 'additionalProperties' not in schema:
        problems.append(f'{where}: an object must say additionalProperties (false, so that undocumented members fail)')
    for key in ('properties',):
        for name, sub in schema.get(key, {}).items():
            _keywords(sub, f'{where}/{key}/{name}', problems)
    for key in ('items', 'not'):
        if key in schema:
            _keywords(schema[key], f'{where}/{key}', problems)
    if isinstance(schema.get('additionalProperties'), dict):
        _keywords(schema['additionalProperties'], f'{where}/additionalProperties', problems)
    for key in ('allOf', 'oneOf', 'anyOf'):
        for i, sub in enumerate(schema.get(key, [])):
            _keywords(sub, f'{where}/{key}/{i}', problems)


def check_schemas(document):
    """Only OpenAPI 3.0 keywords; valid JSON Schema once converted; every
    example valid against its schema."""
    problems = []
    contract = openapi_contract.Contract(document)
    for where, schema in schemas(document):
        _keywords(schema, where, problems)
        try:
            jsonschema.Draft4Validator.check_schema(openapi_contract.to_json_schema(schema))
        except jsonschema.exceptions.SchemaError as e:
            problems.append(f'{where}: not a valid schema: {e.message}')
            continue
        if isinstance(schema, dict) and 'example' in schema:
            for at, message in contract.schema_errors(schema, schema['example']):
                problems.append(f'{where}: example{at}: {message}')
    return problems


def check_codes(document, problem_codes, field_codes):
    """The codes the server can answer (from src/core/appeals-error.h) are
    listed with their meaning, and the answers use no other."""
    problems = []
    listed = document.get('x-problem-codes', {})
    listed_fields = document.get('x-field-error-codes', {})
    for code in sorted(set(problem_codes) - set(listed)):
        problems.append(f'x-problem-codes: {code} (the server answers it) is not listed')
    for code in sorted(set(listed) - set(problem_codes)):
        problems.append(f'x-problem-codes: {code} is listed but the server never answers it')
    for code in sorted(set(field_codes) ^ set(listed_fields)):
        problems.append(f'x-field-error-codes: {code} differs from the server\'s field error codes')

    for where, node in nodes({'components': document.get('components', {}), 'paths': document.get('paths', {})}):
        props = node.get('properties', {})
        if isinstance(props, dict) and 'urn:appeals:problem' in str(props.get('type', {}).get('pattern', '')):
            for value in props.get('code', {}).get('enum', []):
                if value not in listed:
                    problems.append(f'{where}: problem code {value} is not in x-problem-codes')
    return problems


def check_records(document, records):
    """Each record type of src/core (dumped by dump-record-schemas) is
    described member for member: same names, types, enumerations,
    nullability and length limits."""
    problems = []
    described = document.get('components', {}).get('schemas', {})
    for name, fields in records.items():
        schema = described.get(name)
        if schema is None:
            problems.append(f'#/components/schemas/{name}: missing (a record type of src/core)')
            continue
        props = schema.get('properties', {})
        for field, spec in fields.items():
            where = f'#/components/schemas/{name}/properties/{field}'
            p = props.get(field)
            if p is None:
                problems.append(f'{where}: missing (the server writes it)')
                continue
            for key in ('type', 'enum', 'maxLength', 'format'):
                want, have = spec.get(key), p.get(key)
                # the document may say more (an enum of a free string), not less
                if want is not None and want != have:
                    problems.append(f'{where}: {key} is {have!r}, the record table says {want!r}')
            if spec['nullable'] and not p.get('nullable'):
                problems.append(f'{where}: the server writes null when unset; say nullable')
        for field in props:
            if field not in fields and field in schema.get('required', []) and name in ('Appeal', 'AppealRow', 'Applicant', 'User'):
                problems.append(f'#/components/schemas/{name}/properties/{field}: not in the record table')
    return problems
