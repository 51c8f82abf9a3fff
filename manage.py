#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db import InterfaceError, OperationalError

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        hint = " On your own machine: DJANGO_DEBUG=1 .venv/bin/python manage.py …" if "SECRET_KEY" in str(error) else ""
        sys.exit(f"{error}{hint}")
    except (OperationalError, InterfaceError) as error:
        # One clear line for the person at the terminal, not a traceback.
        message = (str(error).strip().splitlines() or [type(error).__name__])[0]
        sys.exit(f"The database cannot be reached ({message}). Is it running, and is DATABASE_URL right?")


if __name__ == "__main__":
    main()
