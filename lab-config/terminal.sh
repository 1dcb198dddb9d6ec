#!/bin/sh
# JupyterLab's terminal for the course (started by `make lab`, see lab-config/jupyter_server_config.json):
# the user's own shell setup first, then the course's environment on top, so `python -m sharedshield ...` works.
here=$(dirname "$0")
if command -v bash >/dev/null 2>&1; then
    exec bash --rcfile "$here/bashrc" -i
fi
ENV="$here/shrc" exec sh -i
