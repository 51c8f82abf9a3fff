"""Word statistics are kept per article: a build counts the words of what changed, never the whole archive."""

from collections import Counter

from articles.ingest import ingest_text
from articles.models import Article
from timeline import vocabulary
from timeline.build import build_timeline, rebuild_article
from timeline.models import ArticleWords, WordFrequency

NEW = "Envoys meet in Vladivostok\n\nVLADIVOSTOK, April 25, 2019 (Reuters)\n\nThe envoys met on Thursday to discuss sanctions.\n"


def recounted() -> dict[str, int]:
    """How many articles use each stem, counted afresh from every article's stored stems."""
    counts = Counter()
    for stems in ArticleWords.objects.values_list("stems", flat=True):
        counts.update(set(stems))
    return {stem: n for stem, n in counts.items() if len(stem) <= vocabulary.STEM_LENGTH}


def test_one_new_article_has_only_its_own_words_counted(built, monkeypatch):
    counted = []
    real = vocabulary.stems
    monkeypatch.setattr(vocabulary, "stems", lambda text: counted.append(text) or real(text))
    ingest_text(NEW, "new.txt")
    article = Article.objects.get(file_name="new.txt")
    build_timeline([article.pk])
    assert len(counted) == 1
    rebuild_article(article)  # a re-dated article: its text has not changed, nothing to count
    assert len(counted) == 1


def test_the_counts_kept_are_those_a_full_recount_gives(built):
    assert dict(WordFrequency.objects.values_list("stem", "articles")) == recounted()
    ingest_text(NEW, "new.txt")
    build_timeline()
    Article.objects.exclude(file_name="new.txt").first().delete()
    assert dict(WordFrequency.objects.values_list("stem", "articles")) == recounted()
