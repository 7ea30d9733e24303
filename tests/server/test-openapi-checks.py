#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The checks of the API contract must be able to fail: the answer
# validator (validate-exchanges.py) is fed answers the document does not
# describe — an undocumented status, an extra member, a wrong type deep in a
# list, a missing header, an undocumented ETag, a problem code nobody
# listed — and must reject each, naming the operation, the status and the
# JSON pointer; the structural check (openapi_structure.py) is fed broken
# documents. Both must accept what is right.
#
# usage: test-openapi-checks.py DOCUMENT
import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import openapi_contract  # noqa: E402
import openapi_structure  # noqa: E402

DOCUMENT = openapi_contract.load(sys.argv.pop(1))
SCHEMAS = DOCUMENT['components']['schemas']
APPEAL = SCHEMAS['Appeal']['example']
RECEPTION = SCHEMAS['Reception']['example']


def exchange(method, path, status, body=None, headers=None, content_type='application/json'):
    text = json.dumps(body) if body is not None else None
    h = {'content-type': content_type} if text is not None else {}
    h.update(headers or {})
    return {'method': method, 'path': path, 'query': '', 'test': '/self-test', 'status': status,
            'headers': h, 'body_size': len(text or ''), **({'body': text} if text is not None else {})}


def problem(status, code, errors=()):
    return {'type': f'urn:appeals:problem:{code}', 'title': 'x', 'status': status, 'code': code,
            'request_id': 1, 'errors': list(errors)}


class AnswerValidator(unittest.TestCase):
    def setUp(self):
        self.contract = openapi_contract.Contract(DOCUMENT)

    def failures(self, e):
        return openapi_contract.check_exchange(self.contract, e)

    def assertRejected(self, e, *fragments):
        failures = self.failures(e)
        self.assertTrue(failures, f'accepted: {e}')
        text = '\n'.join(failures)
        for fragment in fragments:
            self.assertIn(fragment, text)

    def test_accepts_documented_answers(self):
        good = [
            exchange('GET', '/api/v1/appeals/27', 200, APPEAL, {'etag': '"27-3"'}),
            exchange('GET', '/api/v1/receptions/51', 200, RECEPTION),
            exchange('GET', '/api/v1/receptions', 200, {'items': [RECEPTION, {
                'id': 9, 'official_id': 1, 'date': '2027-03-12', 'start_time': '11:00', 'restricted': True,
                'steps': [], 'orders': [], 'attachments': [], 'reviews': [], 'review': None}]}),
            exchange('GET', '/api/v1/appeals', 200, {'items': [APPEAL], 'next_cursor': None},
                     {'x-statement-count': '4'}),
            exchange('GET', '/api/v1/appeals/27', 404, problem(404, 'not_found'),
                     content_type='application/problem+json'),
            exchange('GET', '/api/v1/no-such-thing', 404, problem(404, 'not_found'),
                     content_type='application/problem+json'),
            exchange('DELETE', '/api/v1/session', 204),
        ]
        for e in good:
            self.assertEqual(self.failures(e), [], e['path'])

    def test_undocumented_status(self):
        self.assertRejected(exchange('GET', '/api/v1/appeals/27', 418, problem(418, 'not_found'),
                                     content_type='application/problem+json'),
                            'GET /appeals/{id} (getAppeal) → 418: status not documented')

    def test_undocumented_member(self):
        self.assertRejected(exchange('GET', '/api/v1/appeals/27', 200, dict(APPEAL, secret=1), {'etag': '"27-3"'}),
                            'getAppeal) → 200: body/secret: member not in the schema')

    def test_missing_member(self):
        appeal = dict(APPEAL)
        del appeal['due_date']
        self.assertRejected(exchange('GET', '/api/v1/appeals/27', 200, appeal, {'etag': '"27-3"'}),
                            "'due_date' is a required property")

    def test_wrong_type_deep_in_a_list(self):
        reception = copy.deepcopy(RECEPTION)
        reception['steps'][0]['done'] = 'yes'
        self.assertRejected(exchange('GET', '/api/v1/receptions', 200, {'items': [reception]}),
                            'listReceptions) → 200: body/items/0/steps/0/done')

    def test_wrong_enum_and_format(self):
        self.assertRejected(exchange('GET', '/api/v1/appeals/27', 200, dict(APPEAL, status='lost'), {'etag': '"27-3"'}),
                            'body/status')
        self.assertRejected(exchange('GET', '/api/v1/appeals/27', 200, dict(APPEAL, due_date='30.11.2026'),
                                     {'etag': '"27-3"'}), 'body/due_date')

    def test_missing_required_header(self):
        self.assertRejected(exchange('GET', '/api/v1/appeals/27', 200, APPEAL), 'header etag missing')

    def test_undocumented_contract_header(self):
        self.assertRejected(exchange('GET', '/api/v1/health', 200, {'status': 'ok', 'version': '1'}, {'etag': '"1"'}),
                            'header etag sent but not documented')

    def test_unlisted_problem_code(self):
        self.assertRejected(exchange('GET', '/api/v1/appeals/27', 404, problem(404, 'gone'),
                                     content_type='application/problem+json'),
                            '→ 404: body/code')

    def test_wrong_content_type(self):
        self.assertRejected(exchange('GET', '/api/v1/appeals/27', 404, problem(404, 'not_found')),
                            'Content-Type application/json not documented')

    def test_body_where_none_is_documented(self):
        self.assertRejected(exchange('DELETE', '/api/v1/session', 204, {}), 'where none is documented')

    def test_unknown_path_with_success(self):
        self.assertRejected(exchange('GET', '/api/v1/no-such-thing', 200, {}), 'no operation')

    def test_program_fails_and_names_the_failure(self):
        with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False) as f:
            f.write(json.dumps(exchange('GET', '/api/v1/appeals/27', 200, APPEAL, {'etag': '"27-3"'})) + '\n')
            f.write(json.dumps(exchange('GET', '/api/v1/appeals/27', 200, dict(APPEAL, secret=1),
                                        {'etag': '"27-3"'})) + '\n')
        with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as d:
            json.dump(DOCUMENT, d)
        try:
            run = subprocess.run([sys.executable, os.path.join(HERE, 'validate-exchanges.py'), d.name, f.name],
                                 capture_output=True, text=True)
        finally:
            os.unlink(f.name)
            os.unlink(d.name)
        self.assertEqual(run.returncode, 1)
        self.assertIn('GET /appeals/{id} (getAppeal) → 200: body/secret: member not in the schema', run.stderr)
        self.assertIn('2 exchanges checked', run.stderr)


class Structure(unittest.TestCase):
    def broken(self, change):
        document = copy.deepcopy(DOCUMENT)
        change(document)
        return document

    def test_the_document_is_right(self):
        for check in (openapi_structure.check_refs, openapi_structure.check_operations,
                      openapi_structure.check_schemas):
            self.assertEqual(check(DOCUMENT), [])

    def test_dangling_ref(self):
        document = self.broken(lambda d: d['components']['schemas']['AppealPage']['properties']['items']
                               ['items'].update({'$ref': '#/components/schemas/Nothing'}))
        self.assertIn('does not resolve', '\n'.join(openapi_structure.check_refs(document)))

    def test_operation_without_id_summary_or_with_default(self):
        def change(d):
            op = d['paths']['/appeals/{id}']['get']
            del op['operationId']
            op['summary'] = 'Обращение'
            op['responses']['default'] = {'description': 'anything'}
        text = '\n'.join(openapi_structure.check_operations(self.broken(change)))
        self.assertIn('GET /appeals/{id}: no operationId', text)
        self.assertIn('not in English', text)
        self.assertIn('"default"', text)

    def test_bad_schemas(self):
        def change(d):
            d['components']['schemas']['Health']['properties']['status']['const'] = 'ok'
            d['components']['schemas']['Empty'].pop('additionalProperties')
            d['components']['schemas']['Empty']['properties'] = {'n': {'type': 'int'}}
            d['components']['schemas']['Session']['example']['token'] = 7
        text = '\n'.join(openapi_structure.check_schemas(self.broken(change)))
        self.assertIn('const is not an OpenAPI 3.0 schema keyword', text)
        self.assertIn('must say additionalProperties', text)
        self.assertIn('#/components/schemas/Empty: not a valid schema', text)
        self.assertIn('#/components/schemas/Session: example/token', text)

    def test_codes(self):
        text = '\n'.join(openapi_structure.check_codes(DOCUMENT, list(DOCUMENT['x-problem-codes']) + ['room_taken'],
                                                       list(DOCUMENT['x-field-error-codes'])))
        self.assertIn('room_taken (the server answers it) is not listed', text)

    def test_records(self):
        records = {'Appeal': {'status': {'type': 'string', 'nullable': True, 'enum': ['registered']},
                              'mood': {'type': 'string', 'nullable': True}}}
        text = '\n'.join(openapi_structure.check_records(DOCUMENT, records))
        self.assertIn('Appeal/properties/status: enum', text)
        self.assertIn('Appeal/properties/mood: missing', text)


if __name__ == '__main__':
    unittest.main(verbosity=2)
