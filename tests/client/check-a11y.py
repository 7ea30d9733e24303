#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-a11y.py PID SCOPE: walks the accessible tree of the application
with process id PID through AT-SPI, as a screen reader sees it, and fails
on any element a user can act on (a button, an entry, a check…) that is
visible but has no accessible name, and on any element without a role.

Prints each problem with the path of roles and names that leads to it,
and a count of what was checked.  Exits 1 if anything is wrong, 2 if the
application is not on the accessibility bus (the check cannot be done)."""
import re
import sys
import time

import pyatspi

# what a user acts on and must hear the name of
NAMED_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LINK, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SWITCH if hasattr(pyatspi, 'ROLE_SWITCH') else pyatspi.ROLE_CHECK_BOX,
}


def find_application(pid, attempts=50):
    for _ in range(attempts):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                continue
        time.sleep(0.2)
    return None


def described(node):
    try:
        return f'{node.getRoleName()} “{node.name}”'
    except Exception:
        return '?'


# GTK 4.8 gives an element without a name its class name ("GtkSearchEntry")
TYPE_NAME = re.compile(r'^(Gtk|Adw|Appeals)[A-Z]\w*$')


def unnamed(node):
    name = (node.name or '').strip()
    return not name or TYPE_NAME.match(name) is not None


def has_label_relation(node):
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY and relation.getNTargets() > 0:
                return True
    except Exception:
        pass
    return False


def walk(node, path, problems, counts, depth=0):
    if node is None or depth > 60:
        return
    try:
        states = node.getState()
        role = node.getRole()
    except Exception:
        return
    # GTK 4.8 marks only windows "showing": every visible element is walked,
    # the pages a stack does not show among them
    if not states.contains(pyatspi.STATE_VISIBLE):
        return
    counts['showing'] += 1
    here = path + [described(node)]
    if role == pyatspi.ROLE_INVALID or role == pyatspi.ROLE_UNKNOWN:
        problems.append('no role: ' + ' › '.join(here))
    actionable = states.contains(pyatspi.STATE_FOCUSABLE) or role in NAMED_ROLES
    if actionable and role in NAMED_ROLES:
        counts['actionable'] += 1
        if unnamed(node) and not has_label_relation(node):
            problems.append('no name: ' + ' › '.join(here))
    if role == pyatspi.ROLE_COMBO_BOX:
        return  # its button and list are parts of the one control named above
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, here, problems, counts, depth + 1)


def main(argv):
    pid = int(argv[1])
    scope = argv[2] if len(argv) > 2 else 'the application'
    app = find_application(pid)
    if app is None:
        print(f'{scope}: the application (pid {pid}) is not on the accessibility bus')
        return 2
    problems = []
    counts = {'showing': 0, 'actionable': 0}
    for i in range(app.childCount):
        walk(app.getChildAtIndex(i), [], problems, counts)
    for problem in problems:
        print(f'{scope}: {problem}')
    print(f'{scope}: {counts["showing"]} elements visible, {counts["actionable"]} to act on, '
          f'{len(problems)} problems')
    if counts['actionable'] == 0:
        print(f'{scope}: nothing to act on was found: the walk did not reach the windows')
        return 2
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
