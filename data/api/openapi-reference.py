#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the API reference (Markdown) from data/api/openapi.json: the
# conventions once (authentication, ETag and If-Match, Idempotency-Key,
# pagination, errors), then every operation with its parameters, body and
# answers, then every schema. Standard library only.
#
# usage: openapi-reference.py openapi.json api-reference.md
import json
import sys

METHODS = ('get', 'post', 'put', 'patch', 'delete')

CONVENTIONS = '''\
## Conventions

**Base path.** Every path below is under `{base}`. Bodies are JSON in UTF-8
(`application/json`); errors are `application/problem+json`.

**Authentication.** `POST {base}/session` with `{{"login", "password"}}` answers
a token; send it on every other request as `Authorization: Bearer <token>`.
Without a valid token the answer is 401 `unauthorized` with
`WWW-Authenticate: Bearer`. A session ends after its idle timeout
(`idle_timeout_seconds`) or at `expires_at`, and at once with
`DELETE {base}/session`. Repeated failed sign-ins of one login are slowed
down, then refused with 429 and `Retry-After`. What a role may do is checked
on every request (403 `forbidden`), and every object is checked against the
caller's districts: another district's card is answered 404 `not_found`, as
if it did not exist.

**Versions: ETag and If-Match.** A record (appeal, applicant) is answered
with `ETag: "<id>-<version>"`. An edit (`PATCH`, `PUT`) must send it back in
`If-Match`: without it the answer is 428 `precondition_required`; if someone
changed the record in between, 412 `precondition_failed` whose `current`
member is the record as stored now (with its ETag), so the client can merge
and retry. `PATCH` bodies are JSON merge patches (RFC 7396): members given
are set, `null` clears one, others stay. Reference data (calendar, rules,
classifiers) has an ETag too: send it in `If-None-Match` to get 304 when
nothing changed.

**Retries: Idempotency-Key.** The `POST`s that create something take an
`Idempotency-Key` header (1–200 characters, unique per intent, e.g. a UUID).
A retry with the same key and the same body answers the first answer again
(with `Idempotent-Replayed: true`) and creates nothing; the same key with
another body is 422 `idempotency_key_reused`; a key whose first request is
still being processed is 409 `idempotency_key_in_flight`. When the server or
its storage is busy it answers 503 `service_unavailable` with `Retry-After`
(seconds): retry then, with the same key.

**Pagination.** Lists answer `{{"items": [...]}}`. The journal
(`GET {base}/appeals`) is paged by a cursor: `limit` (1–200, 50 by default)
items per page, `next_cursor` to pass as `cursor` for the next page (`null`
on the last one) and `total`, the number of matches. A cursor is opaque and
stays valid while cards are added: pages never repeat or skip a card.

**Errors.** A problem answer has `type` (`urn:appeals:problem:<code>`),
`title` in the request's `Accept-Language` (kk or ru; English otherwise),
`status`, a stable `code`, `request_id` (as in the server log and the
`X-Request-Id` header) and `errors`: one entry per wrong member with
`field`, a stable field `code`, a translated `message` and sometimes a
machine `detail` (a limit, the allowed values). Clients should act on the
codes, never on the texts.

**Checked.** Every answer the server's API test suites receive (SQLite and
PostgreSQL) is validated against the document this reference is made from:
a status, member or header it does not describe fails the tests.
'''


def resolve(document, node):
    while isinstance(node, dict) and '$ref' in node:
        target = document
        for part in node['$ref'][2:].split('/'):
            target = target[part]
        node = target
    return node


def anchor(name):
    return name.lower()


def type_of(document, schema):
    """A short reading of a schema, linking named ones."""
    if not isinstance(schema, dict):
        return ''
    if '$ref' in schema:
        name = schema['$ref'].split('/')[-1]
        return f'[{name}](#{anchor(name)})'
    for key, word in (('oneOf', ' or '), ('anyOf', ' or '), ('allOf', ' and ')):
        if key in schema:
            text = word.join(type_of(document, s) for s in schema[key])
            return text + (' or null' if schema.get('nullable') else '')
    kind = schema.get('type', 'any')
    if kind == 'array':
        text = f'array of {type_of(document, schema.get("items", {}))}'
    elif kind == 'object' and isinstance(schema.get('additionalProperties'), dict):
        text = f'object of {type_of(document, schema["additionalProperties"])}'
    else:
        text = kind
    details = []
    if 'format' in schema and schema['format'] not in ('int64',):
        details.append(schema['format'])
    if 'enum' in schema:
        details.append('one of ' + ', '.join(f'`{json.dumps(v, ensure_ascii=False)}`' for v in schema['enum']))
    if 'pattern' in schema:
        details.append(f'pattern `{schema["pattern"]}`')
    for key, text_key in (('minimum', '≥'), ('maximum', '≤'), ('minLength', 'length ≥'), ('maxLength', 'length ≤')):
        if key in schema:
            details.append(f'{text_key} {schema[key]}')
    if details:
        text += ' (' + '; '.join(details) + ')'
    if schema.get('nullable'):
        text += ' or null'
    return text


def escape(text):
    return str(text).replace('|', '\\|').replace('\n', ' ')


def schema_table(document, schema, out):
    props = schema.get('properties', {})
    if not props:
        out.append(f'{type_of(document, schema)}\n')
        return
    required = set(schema.get('required', []))
    out.append('| Member | Type | Required | Description |')
    out.append('|---|---|---|---|')
    for name, prop in props.items():
        notes = []
        if prop.get('readOnly'):
            notes.append('set by the server')
        if prop.get('x-immutable'):
            notes.append('cannot change once created')
        if prop.get('description'):
            notes.append(prop['description'])
        out.append(f'| `{name}` | {escape(type_of(document, prop))} | {"yes" if name in required else ""} '
                   f'| {escape("; ".join(notes))} |')
    out.append('')


def operation_section(document, base, path, method, operation, out):
    out.append(f'### `{method.upper()} {base}{path}`')
    out.append('')
    out.append(f'**{operation.get("summary", "")}** (`{operation.get("operationId", "")}`)')
    out.append('')
    if operation.get('description'):
        out.append(operation['description'])
        out.append('')
    if operation.get('security') == []:
        out.append('No authentication.')
        out.append('')
    params = [resolve(document, p) for p in operation.get('parameters', [])]
    params = [p for p in params if p.get('name') != 'Accept-Language']
    if params:
        out.append('| Parameter | In | Type | Required | Description |')
        out.append('|---|---|---|---|---|')
        for p in params:
            out.append(f'| `{p["name"]}` | {p["in"]} | {escape(type_of(document, p.get("schema", {})))} '
                       f'| {"yes" if p.get("required") else ""} | {escape(p.get("description", ""))} |')
        out.append('')
    body = resolve(document, operation.get('requestBody', {}))
    for media, content in body.get('content', {}).items():
        out.append(f'Body (`{media}`): {type_of(document, content.get("schema", {}))}')
        out.append('')
    out.append('| Status | Answer | Headers |')
    out.append('|---|---|---|')
    for status, response in operation.get('responses', {}).items():
        response = resolve(document, response)
        kinds = []
        for media, content in response.get('content', {}).items():
            schema = content.get('schema', {})
            if media.endswith('problem+json'):
                codes = resolve(document, schema).get('properties', {}).get('code', {}).get('enum', [])
                kinds.append('problem: ' + ', '.join(f'`{c}`' for c in codes))
            else:
                kinds.append(f'`{media}` {type_of(document, schema)}')
        headers = ', '.join(f'`{name}`' for name in response.get('headers', {}))
        out.append(f'| {status} | {escape(response.get("description", ""))}'
                   f'{": " + escape("; ".join(kinds)) if kinds else ""} | {headers} |')
    out.append('')


def main():
    document_path, output = sys.argv[1], sys.argv[2]
    with open(document_path, encoding='utf-8') as f:
        document = json.load(f)
    base = document['servers'][0]['url']
    out = [f'# {document["info"]["title"]}, version {document["info"]["version"]}', '',
           'Generated from `data/api/openapi.json` at build time; do not edit.', '',
           document['info'].get('description', ''), '', CONVENTIONS.format(base=base)]

    out.append('## Error codes')
    out.append('')
    for title, member in (('Problem code', 'x-problem-codes'), ('Field error code', 'x-field-error-codes')):
        out.append(f'| {title} | Meaning |')
        out.append('|---|---|')
        out.extend(f'| `{code}` | {escape(meaning)} |' for code, meaning in document.get(member, {}).items())
        out.append('')

    groups = {}
    for path, item in document['paths'].items():
        for method in METHODS:
            if method in item:
                tag = (item[method].get('tags') or ['other'])[0]
                groups.setdefault(tag, []).append((path, method, item[method]))
    for tag, ops in groups.items():
        out.append(f'## Operations: {tag}')
        out.append('')
        for path, method, operation in ops:
            operation_section(document, base, path, method, operation, out)

    out.append('## Schemas')
    out.append('')
    for name, schema in document['components']['schemas'].items():
        out.append(f'### {name}')
        out.append('')
        if schema.get('description'):
            out.append(schema['description'])
            out.append('')
        schema_table(document, schema, out)
        if 'example' in schema:
            out.append('Example:')
            out.append('')
            out.append('```json')
            out.append(json.dumps(schema['example'], ensure_ascii=False, indent=2))
            out.append('```')
            out.append('')

    with open(output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out).rstrip('\n') + '\n')


if __name__ == '__main__':
    main()
