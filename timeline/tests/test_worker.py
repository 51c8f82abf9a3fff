"""The real background path once: a job queued in the database (django-tasks-db) and run by its worker loop."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Story
from conftest import SEEDS
from timeline.models import Job


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_job_waits_in_the_database_until_the_worker_runs_it(transactional_db, database_tasks, editor, client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django_tasks_db.models import DBTaskResult

    story = Story.named("kim-in-russia", "Kim Jong Un's visit to Russia, April 2019")
    client.force_login(editor)
    files = [SimpleUploadedFile(path.name, path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))[:2]]
    response = client.post(reverse("timeline:add-articles", args=[story.slug]), {"files": files})
    job = Job.objects.get()
    assert response.status_code == 302 and job.state == Job.State.QUEUED and not story.articles.exists()
    assert "Waiting for a worker" in client.get(reverse("timeline:job", args=[job.pk])).content.decode()
    assert DBTaskResult.objects.get().status == "READY" and str(DBTaskResult.objects.get().id) == job.task_id

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--max-tasks", "1", verbosity=0)

    job.refresh_from_db()
    result = DBTaskResult.objects.get()
    assert job.state == Job.State.DONE and job.done == job.total == 2 and story.articles.count() == 2
    assert result.status == "SUCCESSFUL" and "Ingest: 2 added" in result.task_result.return_value
