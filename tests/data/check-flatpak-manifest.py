#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest.

Usage: check-flatpak-manifest.py MANIFEST APPLICATION_ID

(a) The manifest is valid JSON, names the application and its command,
    builds the libraries the runtime lacks (libsodium, poppler), and
    builds the project itself last, with meson, from the source tree.
(b) If flatpak-builder is installed, it parses the manifest without
    warnings (unknown properties etc. are fatal).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    manifest_path, application_id = sys.argv[1], sys.argv[2]

    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail(f'{manifest_path}: cannot be loaded: {e}')

    if not isinstance(manifest, dict):
        fail('the manifest is not a JSON object')

    app_id = manifest.get('id', manifest.get('app-id'))
    if app_id != application_id:
        fail(f'id is {app_id!r}, expected {application_id!r}')
    if 'id' in manifest and 'app-id' in manifest and manifest['id'] != manifest['app-id']:
        fail('id and app-id differ')

    if manifest.get('command') != 'appeals-desk':
        fail(f"command is {manifest.get('command')!r}, expected 'appeals-desk'")

    for key in ('runtime', 'runtime-version', 'sdk'):
        if not manifest.get(key):
            fail(f'{key} is missing')

    modules = manifest.get('modules')
    if not isinstance(modules, list) or not modules:
        fail('modules is missing or empty')
    # the libraries the GNOME runtime lacks are built before the application
    names = [m.get('name') for m in modules if isinstance(m, dict)]
    for needed in ('libsodium', 'poppler'):
        if needed not in names[:-1]:
            fail(f'no module builds {needed}, which the GNOME runtime lacks')
    last = modules[-1]
    if not isinstance(last, dict):
        fail('the last module must be an inline object, not a file reference')
    if last.get('name') != 'appeals-desk':
        fail(f"the last module is {last.get('name')!r}, expected 'appeals-desk'")
    if last.get('buildsystem') != 'meson':
        fail(f"the last module is built with {last.get('buildsystem')!r}, expected 'meson'")
    sources = last.get('sources') or []
    dir_sources = [s for s in sources if isinstance(s, dict) and s.get('type') == 'dir']
    if not dir_sources:
        fail('the last module has no "dir" source')
    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
    for source in dir_sources:
        path = os.path.normpath(os.path.join(manifest_dir, source.get('path', '')))
        if not os.path.isfile(os.path.join(path, 'meson.build')):
            fail(f"the dir source {source.get('path')!r} does not point at the project ({path})")

    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('flatpak-builder not found; skipped --show-manifest')
    else:
        env = dict(os.environ, G_DEBUG='fatal-warnings')
        # flatpak-builder creates a .flatpak-builder state directory in its
        # working directory; keep it out of the source and build trees.
        with tempfile.TemporaryDirectory() as workdir:
            result = subprocess.run([builder, '--show-manifest',
                                     os.path.abspath(manifest_path)],
                                    env=env, cwd=workdir,
                                    stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            fail(f'flatpak-builder --show-manifest exited with {result.returncode}')

    print(f'{manifest_path}: OK')


if __name__ == '__main__':
    main()
