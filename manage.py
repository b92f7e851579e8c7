#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

if sys.version_info < (3, 12):  # noqa: UP036 - fail clearly on an old interpreter
    sys.exit("Solidarity needs Python 3.12 or newer (3.13 recommended); this is " + sys.version)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
