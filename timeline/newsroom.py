"""Editors' pages: adding articles to a story from the browser, starting a rebuild, watching the background
work, and quick fixes to an event from its public page. Every view checks the editor role itself."""

import hashlib

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.validators import URLValidator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.ingest import IngestError, check_size
from articles.models import Story

from .editing import EditRefused, date_value_problem, hide_events, review_events, set_date
from .models import Event, Job, JobInput
from .permissions import is_editor
from .tasks import run_job

MAX_URLS = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class AddArticlesForm(forms.Form):
    files = MultipleFileField(
        required=False, label="Files", allow_empty_file=True,  # an empty file fails in the task, as on the command line
        help_text="Article texts (.txt, .md) or saved web pages (.html); choose as many as you like.",
        widget=MultipleFileInput(attrs={"accept": ".txt,.text,.md,.html,.htm,text/plain,text/html", "multiple": True}),
    )
    text = forms.CharField(required=False, label="Or paste an article", widget=forms.Textarea(attrs={"rows": 8}),
                           help_text="The title on the first line, then the article as it was published.")
    urls = forms.CharField(required=False, label="Or give web addresses", widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="One URL a line; each page is fetched and read like a saved web page.")

    def clean_urls(self):
        urls = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        if len(urls) > MAX_URLS:
            raise forms.ValidationError(f"At most {MAX_URLS} addresses at a time; you gave {len(urls)}.")
        check = URLValidator(schemes=["http", "https"])
        for url in urls:
            try:
                check(url)
            except forms.ValidationError:
                raise forms.ValidationError(f"“{url[:100]}” is not a web address (http:// or https://).") from None
        return urls

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("files") or (cleaned.get("text") or "").strip() or cleaned.get("urls")) and not self.errors:
            raise forms.ValidationError("Give at least one file, a pasted text or a web address.")
        return cleaned

    def error_text(self) -> str:
        return " ".join(message for errors in self.errors.values() for message in errors)


class StoryForm(forms.ModelForm):
    class Meta:
        model = Story
        fields = ["title", "slug", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"slug": "Its address: /stories/<slug>/. Lower-case letters, digits and hyphens."}


def _require_editor(request):
    """None when the user is an editor; else the response: sign in first, or 403 for a viewer."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_editor(request.user):
        raise PermissionDenied("Only editors can do this.")
    return None


@require_http_methods(["GET", "POST"])
def new_story(request):
    if refusal := _require_editor(request):
        return refusal
    form = StoryForm(request.POST) if request.method == "POST" else StoryForm()
    if request.method == "POST":
        if not form.data.get("slug"):
            form.data = form.data.copy()
            form.data["slug"] = slugify(form.data.get("title", ""))[:100]
        if form.is_valid():
            story = form.save()
            return redirect("timeline:add-articles", story.slug)
        return render(request, "timeline/new_story.html", {"form": form}, status=400)
    return render(request, "timeline/new_story.html", {"form": form})


@require_http_methods(["GET", "POST"])
def add_articles(request, slug: str):
    if refusal := _require_editor(request):
        return refusal
    story = get_object_or_404(Story, slug=slug)
    form = AddArticlesForm(request.POST, request.FILES) if request.method == "POST" else AddArticlesForm()
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "timeline/add_articles.html", {"story": story, "form": form}, status=400)
        job = Job.objects.create(story=story, kind=Job.Kind.INGEST, created_by=request.user)
        JobInput.objects.bulk_create(_inputs(job, form.cleaned_data))
        return _start(job)
    recent = Job.objects.filter(story=story).order_by("-created_at")[:5]
    return render(request, "timeline/add_articles.html", {"story": story, "form": form, "recent": recent})


def _inputs(job: Job, cleaned: dict) -> list[JobInput]:
    """What the task will ingest, in the order given. A file over the size limit is refused here, with the
    reason the command line gives, and reported by the task like any other failure."""
    inputs = []
    for upload in cleaned.get("files") or []:
        try:
            check_size(upload.size, settings.INGEST_MAX_BYTES)
            inputs.append(JobInput(job=job, name=upload.name[:255], data=upload.read()))
        except IngestError as error:
            inputs.append(JobInput(job=job, name=upload.name[:255], refused=str(error)))
    text = (cleaned.get("text") or "").strip()
    if text:
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        inputs.append(JobInput(job=job, name=f"pasted-{digest}.txt", data=text.encode("utf-8")))
    inputs += [JobInput(job=job, name=url[:255], url=url) for url in cleaned.get("urls") or []]
    return inputs


def _start(job: Job):
    result = run_job.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    return redirect(job)


@require_POST
def rebuild(request, slug: str):
    if refusal := _require_editor(request):
        return refusal
    story = get_object_or_404(Story, slug=slug)
    job = Job.objects.create(story=story, kind=Job.Kind.REBUILD, created_by=request.user)
    return _start(job)


@require_GET
@vary_on_headers("HX-Request")
def job(request, pk: int):
    if refusal := _require_editor(request):
        return refusal
    job = get_object_or_404(Job.objects.select_related("story", "created_by"), pk=pk)
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, "timeline/job.html#progress" if partial else "timeline/job.html", {"job": job})


class DateForm(forms.Form):
    value = forms.CharField(max_length=40, label="Date (TIMEX3)",
                            help_text="2019-04-24, 2019-04-24T10:30, 2019-W16, 2019-02, 2019-Q2, 2019")

    def clean_value(self):
        value = self.cleaned_data["value"].strip()
        if problem := date_value_problem(value):
            raise forms.ValidationError(problem)
        return value


QUICK_ACTIONS = ("hide", "review", "date")


@require_POST
def quick_action(request, pk: int, action: str):
    """Hide, mark reviewed or re-date an event from its public page: the actions fragment for htmx, else back to the page."""
    if refusal := _require_editor(request):
        return refusal
    if action not in QUICK_ACTIONS:
        return HttpResponseBadRequest("Unknown action.")
    event = get_object_or_404(Event, pk=pk)
    message, status = "", 200
    date_form = DateForm(initial={"value": event.value})
    if action == "hide":
        hide_events([event])
        message = "Hidden: it no longer shows on the timeline. Show it again from the admin."
    elif action == "review":
        review_events(Event.objects.filter(pk=event.pk))
        message = "Marked as reviewed: the page now says an editor checked it."
    else:
        date_form = DateForm(request.POST)
        if date_form.is_valid():
            try:
                set_date(event, date_form.cleaned_data["value"])
                message = f"Date set to {event.value} ({event.when})."
                date_form = DateForm(initial={"value": event.value})
            except EditRefused as refusal_reason:
                date_form.add_error("value", str(refusal_reason))
        if date_form.errors:
            status = 400
    event.refresh_from_db()
    if not request.htmx:
        if status == 400:
            return HttpResponseBadRequest(render_to_string("timeline/bad_request.html", {
                "message": " ".join(date_form.errors.get("value", []))}, request))
        return redirect(event.story if event.status == Event.Status.HIDDEN else event)
    context = {"event": event, "date_form": date_form, "message": message}
    return render(request, "timeline/event_actions.html", context, status=status)

