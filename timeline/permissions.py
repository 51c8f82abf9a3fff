"""The two groups of people who work on the timeline: viewers read the admin, editors fix the timeline."""

from django.contrib.auth.models import Group, Permission

VIEWER = "viewer"
EDITOR = "editor"
MODELS = {"articles": ["article", "source", "story"], "timeline": ["event", "mention", "job"]}
HISTORY = {"articles": ["historicalarticle", "historicalsource"], "timeline": ["historicalevent", "historicalmention"]}


def _permissions(actions: list[str], models: dict) -> list[Permission]:
    codenames = [f"{action}_{model}" for app_models in models.values() for model in app_models for action in actions]
    return list(Permission.objects.filter(content_type__app_label__in=list(models), codename__in=codenames))


def ensure_groups(**kwargs) -> None:
    """Create or update the groups after each migrate: permissions exist only once their models do."""
    viewer, _ = Group.objects.get_or_create(name=VIEWER)
    viewer.permissions.set(_permissions(["view"], MODELS) + _permissions(["view"], HISTORY))
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(
        _permissions(["view", "change"], MODELS)
        + _permissions(["add"], {"timeline": ["event"], "articles": ["story"]})
        + _permissions(["delete"], {"articles": ["source"]})
        + _permissions(["view"], HISTORY)
    )


def is_editor(user) -> bool:
    """Editors (and superusers) fix the timeline, add articles and start rebuilds; viewers only read."""
    return user.is_authenticated and user.has_perm("timeline.change_event")
