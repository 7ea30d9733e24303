#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-format.py SRCDIR [FILE...]
#        check-format.py --self-test
#
# Checks the tracked files of SRCDIR (or the given ones, relative to it)
# against the rules of SRCDIR/.editorconfig: charset = utf-8,
# end_of_line = lf, insert_final_newline, trim_trailing_whitespace,
# indent_style = space, and for C sources (*.c, *.h) that a line starting
# a statement outside comments and parentheses is indented by a multiple
# of indent_size — aligned continuation lines, comments and macro bodies
# are free.
# Prints "file:line: problem" for each violation; exits 1 if there is one.
#
# --self-test proves that each rule catches a file that breaks it.

import os
import re
import subprocess
import sys
import tempfile

# --- .editorconfig -------------------------------------------------------


def glob_to_regex(pattern):
    """An EditorConfig glob as a regular expression over a '/' path."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == '*':
            if pattern.startswith('**', i):
                out.append('.*')
                i += 2
                continue
            out.append('[^/]*')
        elif c == '?':
            out.append('[^/]')
        elif c == '{':
            end = pattern.find('}', i)
            if end < 0:
                out.append(re.escape(c))
            else:
                choices = pattern[i + 1:end].split(',')
                out.append('(?:' + '|'.join(glob_to_regex(x) for x in choices) + ')')
                i = end + 1
                continue
        elif c == '[':
            end = pattern.find(']', i)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:end]
                if body.startswith('!'):
                    body = '^' + body[1:]
                out.append('[' + body + ']')
                i = end + 1
                continue
        else:
            out.append(re.escape(c))
        i += 1
    return ''.join(out)


def read_editorconfig(path):
    """[(regex, {property: value})] in file order."""
    sections = []
    current = None
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.strip()
            if not line or line[0] in '#;':
                continue
            if line.startswith('[') and line.endswith(']'):
                pattern = line[1:-1]
                if '/' in pattern:
                    regex = glob_to_regex(pattern.lstrip('/'))
                else:
                    regex = '(?:.*/)?' + glob_to_regex(pattern)
                current = {}
                sections.append((re.compile(regex + r'\Z'), current))
            elif '=' in line and current is not None:
                key, value = line.split('=', 1)
                current[key.strip().lower()] = value.strip().lower()
    return sections


def properties_for(sections, relpath):
    props = {}
    for regex, values in sections:
        if regex.match(relpath):
            props.update(values)
    return {k: v for k, v in props.items() if v != 'unset'}


# --- C statement indentation ---------------------------------------------


def c_statement_lines(text):
    """(line number, line) of the lines that start a statement: outside
    comments, string literals and parentheses, after a line that ended one.
    Continuation lines (aligned arguments, wrapped expressions), comment
    lines and preprocessor continuations are left out."""
    in_comment = False
    depth = 0
    previous_end = ';'    # the last code character of the previous line
    macro_continues = False
    for number, line in enumerate(text.split('\n'), 1):
        starts_in_comment = in_comment
        start_depth = depth
        continued_macro = macro_continues
        macro_continues = line.endswith('\\')
        code = []
        i = 0
        quote = None
        while i < len(line):
            c = line[i]
            if in_comment:
                if line.startswith('*/', i):
                    in_comment = False
                    i += 2
                    continue
            elif quote:
                if c == '\\':
                    i += 2
                    continue
                if c == quote:
                    quote = None
            elif line.startswith('/*', i):
                in_comment = True
                i += 2
                continue
            elif line.startswith('//', i):
                break
            elif c in '"\'':
                quote = c
                code.append('s')
            else:
                if c == '(':
                    depth += 1
                elif c == ')':
                    depth = max(0, depth - 1)
                code.append(c)
            i += 1
        code = ''.join(code).strip()
        stripped = line.strip()

        if (stripped and not starts_in_comment and start_depth == 0 and not continued_macro and
                not stripped.startswith(('/*', '*', '//', '#')) and previous_end in ';{}):' and
                # a wrapped condition or the branches of a wrapped ?: are aligned
                not stripped.startswith(('?', ':', '&&', '||'))):
            yield number, line

        if code:
            previous_end = ';' if code.startswith('#') else code[-1]
        elif stripped and not starts_in_comment and stripped.startswith('#'):
            previous_end = ';'


# --- the checks ----------------------------------------------------------


def check_file(path, relpath, props):
    """The problems of one file, as (line, message)."""
    problems = []
    with open(path, 'rb') as f:
        data = f.read()
    if b'\0' in data:
        return problems   # binary: not a source file

    if props.get('charset') == 'utf-8':
        try:
            text = data.decode('utf-8')
        except UnicodeDecodeError as e:
            line = data[:e.start].count(b'\n') + 1
            return [(line, 'not UTF-8 (charset = utf-8)')]
    else:
        text = data.decode('utf-8', errors='replace')

    if props.get('end_of_line') == 'lf' and '\r' in text:
        problems.append((text[:text.index('\r')].count('\n') + 1, 'carriage return (end_of_line = lf)'))
    if props.get('insert_final_newline') == 'true' and text and not text.endswith('\n'):
        problems.append((text.count('\n') + 1, 'no newline at the end (insert_final_newline = true)'))

    lines = text.split('\n')
    for number, line in enumerate(lines, 1):
        line = line.rstrip('\r')
        if props.get('trim_trailing_whitespace') == 'true' and line != line.rstrip(' \t\f\v'):
            problems.append((number, 'trailing whitespace (trim_trailing_whitespace = true)'))
        indent = line[:len(line) - len(line.lstrip(' \t'))]
        if props.get('indent_style') == 'space' and '\t' in indent:
            problems.append((number, 'tab in the indentation (indent_style = space)'))

    if relpath.endswith(('.c', '.h')) and props.get('indent_size', '').isdigit():
        size = int(props['indent_size'])
        for number, line in c_statement_lines(text.replace('\r', '')):
            width = len(line) - len(line.lstrip(' '))
            if width % size != 0:
                problems.append((number, 'statement indented by %d spaces, not a multiple of %d (indent_size = %d)'
                                 % (width, size, size)))
    return problems


def tracked_files(root):
    try:
        out = subprocess.run(['git', '-C', root, 'ls-files', '-z'], check=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
        return [f for f in out.decode('utf-8').split('\0') if f]
    except (OSError, subprocess.CalledProcessError):
        # not a git checkout (a release tarball): every file but build trees
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames
                           if d != '.git' and not os.path.exists(os.path.join(dirpath, d, 'meson-private'))]
            for name in filenames:
                found.append(os.path.relpath(os.path.join(dirpath, name), root))
        return found


def check(root, relpaths):
    sections = read_editorconfig(os.path.join(root, '.editorconfig'))
    problems = []
    for relpath in sorted(relpaths):
        path = os.path.join(root, relpath)
        if not os.path.isfile(path) or os.path.islink(path):
            continue
        props = properties_for(sections, relpath.replace(os.sep, '/'))
        for line, message in check_file(path, relpath, props):
            problems.append('%s:%d: %s' % (relpath, line, message))
    return problems


# --- self-test -----------------------------------------------------------

GOOD_C = '''/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * a comment, its lines indented by one space
 */
#define TWICE(x) \\
   ((x) * 2)

static int
add (int  a,
     int  b)
{
  const char *text = a > 0 ? "a ( in a string"
                           : "another";

  if (a > b &&
      b > 0)
    return call (a,
                 b);
  for (int i = 0; i < a;
       i++)
    {
      b += i; /* a trailing comment (
                 over two lines */
    }
  switch (a)
    {
    case 1:
      return 1;
    default:
      return 2;
    }
}
'''

SELF_TEST_CASES = [
    # (file name, content, expected message fragment or None for clean)
    ('good.c', GOOD_C, None),
    ('good.py', 'def f():\n    return 1\n', None),
    ('tab.c', 'int\nf (void)\n{\n\treturn 1;\n}\n', 'tab in the indentation'),
    ('tab.build', "project('x',\n\t'c')\n", 'tab in the indentation'),
    ('trailing.c', 'int x; \n', 'trailing whitespace'),
    ('trailing.json', '{\n  "a": 1\t\n}\n', 'trailing whitespace'),
    ('no-newline.c', 'int x;', 'no newline at the end'),
    ('no-newline.ui', '<interface/>', 'no newline at the end'),
    ('crlf.c', 'int x;\r\nint y;\r\n', 'carriage return'),
    ('crlf.sh', '#!/bin/sh\r\necho\r\n', 'carriage return'),
    ('latin1.c', b'/* caf\xe9 */\n', 'not UTF-8'),
    ('odd.c', 'int\nf (void)\n{\n   return 1;\n}\n', 'statement indented by 3 spaces'),
    ('odd-after-block.c', 'void\nf (void)\n{\n  if (x)\n    {\n       y ();\n    }\n}\n',
     'statement indented by 7 spaces'),
]


def self_test():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    failures = 0
    with tempfile.TemporaryDirectory(prefix='check-format-') as tmp:
        with open(os.path.join(root, '.editorconfig'), 'rb') as src, \
                open(os.path.join(tmp, '.editorconfig'), 'wb') as dst:
            dst.write(src.read())
        for name, content, expected in SELF_TEST_CASES:
            mode = 'wb' if isinstance(content, bytes) else 'w'
            with open(os.path.join(tmp, name), mode, **({} if mode == 'wb' else {'newline': ''})) as f:
                f.write(content)
            problems = check(tmp, [name])
            if expected is None and problems:
                print('not ok - %s should pass: %s' % (name, problems))
                failures += 1
            elif expected is not None and not any(expected in p for p in problems):
                print('not ok - %s should fail with "%s", got %s' % (name, expected, problems))
                failures += 1
            else:
                print('ok - %s %s' % (name, 'passes' if expected is None else 'fails: ' + problems[0]))
    return failures


def main(argv):
    if argv[1:] == ['--self-test']:
        return 1 if self_test() else 0
    if len(argv) < 2:
        print(__doc__ or 'usage: check-format.py SRCDIR [FILE...]', file=sys.stderr)
        return 2
    root = argv[1]
    problems = check(root, argv[2:] or tracked_files(root))
    for problem in problems:
        print(problem)
    sys.stdout.flush()
    if problems:
        print('%d formatting problem(s); the rules are in .editorconfig' % len(problems), file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
