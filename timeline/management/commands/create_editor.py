import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from timeline.permissions import EDITOR, VIEWER, ensure_groups


def create_member(username: str, password: str, group_name: str, email: str = ""):
    """A staff user in the editor or viewer group; the password must pass the site's validators."""
    ensure_groups()
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValueError(f"a user named {username!r} exists already")
    try:
        validate_password(password, User(username=username, email=email))
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None
    user = User.objects.create_user(username=username, email=email, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


class Command(BaseCommand):
    help = "Create a staff user in the editor group (or --viewer). Asks for the password; none is ever defaulted."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--viewer", action="store_true", help="read-only: the viewer group")

    def handle(self, *args, username, email, viewer, **options):
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The passwords differ.")
        try:
            create_member(username, password, VIEWER if viewer else EDITOR, email)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Created {username} in the {VIEWER if viewer else EDITOR} group: sign in at /admin/.")
