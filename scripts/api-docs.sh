#!/bin/sh
# Generate the SDK's API reference from its docstrings with pdoc (D38): HTML into DIR
# (default docs/api), replacing what was there. tests/docs/test_api_reference.py runs this
# into a temporary directory and compares, so the committed reference stays current.
set -eu

out="${1:-docs/api}"
python="${PYTHON:-.venv/bin/python}"
rm -rf "$out"
"$python" -m pdoc --docformat restructuredtext --no-show-source --no-search \
    --output-directory "$out" pigeon.sdk pigeon.sdk.client pigeon.sdk.handlers
