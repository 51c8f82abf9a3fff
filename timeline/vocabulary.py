"""What words weigh: rare words say more about what a sentence reports than words every article uses.

Each article's word stems are counted once, when its text changes (`count_words`), and stored with it;
a table keeps how many articles use each stem. A build reads only the counts of the stems it weighs, so
adding one article or re-dating one costs the same whatever the size of the archive.
"""

from collections import Counter, OrderedDict
from collections.abc import Iterable

from django.db.models import F

from articles.models import Article
from newsdates.statements import HAPPENING_KINDS, cosine, stems, weighted

from .models import STEM_LENGTH, ArticleWords, WordFrequency

SAME_STORY_THRESHOLD = 0.5  # weighted cosine of two articles' whole texts (the seeds: 0.52 to 0.83)
KIND_WEIGHT = 1.5  # the kind of happening (arrive, depart, meet…) is what a report is about: it weighs most
STORY_CACHE_SIZE = 256
BATCH = 500  # rows per query when reading or writing many stems


class Vocabulary:
    """How many articles use each word stem, read from the database as the build needs them."""

    def __init__(self):
        self.documents = max(1, ArticleWords.objects.count())
        self._frequency: dict[str, int] = {}
        self._stories: OrderedDict[int, dict[str, float]] = OrderedDict()

    def load_all(self) -> None:
        """Read every count at once: a build of the whole archive needs most of them."""
        self._frequency.update(WordFrequency.objects.values_list("stem", "articles").iterator(chunk_size=5000))
        self._complete = True

    def frequency(self, terms: Iterable[str]) -> dict[str, int]:
        missing = [term for term in terms if term not in self._frequency]
        if missing and not getattr(self, "_complete", False):
            for start in range(0, len(missing), BATCH):
                chunk = [term for term in missing[start : start + BATCH] if len(term) <= STEM_LENGTH]
                self._frequency.update(WordFrequency.objects.filter(stem__in=chunk).values_list("stem", "articles"))
        for term in missing:
            self._frequency.setdefault(term, 0)
        return self._frequency

    def weigh(self, terms: dict) -> dict[str, float]:
        weights = weighted(terms, self.frequency(terms), self.documents)
        return {term: weight * KIND_WEIGHT if term in HAPPENING_KINDS else weight for term, weight in weights.items()}

    def weight(self, term: str) -> float:
        return self.weigh({term: 1})[term]

    def same_story(self, articles: Iterable[int], others: Iterable[int]) -> bool:
        """Whether one of `articles` and one of `others` tell the same story (their whole texts are alike)."""
        others = list(others)
        return any(a == b or cosine(self.story(a), self.story(b)) >= SAME_STORY_THRESHOLD for a in articles for b in others)

    def story(self, article_id: int) -> dict[str, float]:
        """An article's whole text, weighed."""
        if article_id in self._stories:
            self._stories.move_to_end(article_id)
        else:
            if len(self._stories) >= STORY_CACHE_SIZE:
                self._stories.popitem(last=False)
            words = ArticleWords.objects.filter(pk=article_id).values_list("stems", flat=True).first() or {}
            self._stories[article_id] = self.weigh(words)
        return self._stories[article_id]


def count_words(articles: Iterable[int] | None = None) -> int:
    """Count the word stems of the articles whose text is new or changed since it was counted (of those
    given, or of every article), and update how many articles use each stem. Returns how many were counted."""
    stale = Article.objects.exclude(words__content_hash=F("content_hash"))
    if articles is not None:
        stale = stale.filter(pk__in=list(articles))
    counted = 0
    ids = list(stale.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        counted += _count_batch(ids[start : start + BATCH])
    return counted


def _count_batch(ids: list[int]) -> int:
    known = ArticleWords.objects.in_bulk(ids)
    change: Counter = Counter()
    fresh, updated = [], []
    for pk, body, content_hash in Article.objects.filter(pk__in=ids).values_list("pk", "body", "content_hash"):
        words = dict(stems(body))
        before = known.get(pk)
        change.update(set(words) - set(before.stems if before else ()))
        change.subtract(set(before.stems if before else ()) - set(words))
        if before is None:
            fresh.append(ArticleWords(article_id=pk, content_hash=content_hash, stems=words))
        else:
            before.content_hash, before.stems = content_hash, words
            updated.append(before)
    ArticleWords.objects.bulk_create(fresh, batch_size=BATCH)
    ArticleWords.objects.bulk_update(updated, ["content_hash", "stems"], batch_size=BATCH)
    add_to_frequencies(change)
    return len(fresh) + len(updated)


def add_to_frequencies(change: Counter) -> None:
    """Add `change` (stem → articles gained, or lost when negative) to the stored counts."""
    wanted = [stem for stem, by in change.items() if by and len(stem) <= STEM_LENGTH]
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        current = dict(WordFrequency.objects.filter(stem__in=chunk).values_list("stem", "articles"))
        WordFrequency.objects.bulk_create(
            [WordFrequency(stem=stem, articles=change[stem]) for stem in chunk if stem not in current and change[stem] > 0],
            batch_size=BATCH,
        )
        WordFrequency.objects.bulk_update(
            [WordFrequency(stem=stem, articles=max(0, current[stem] + change[stem])) for stem in chunk if stem in current],
            ["articles"], batch_size=BATCH,
        )
        WordFrequency.objects.filter(stem__in=[stem for stem in chunk if change[stem] < 0], articles=0).delete()


def forget_words(words: ArticleWords) -> None:
    """An article left the archive: its stems no longer count."""
    add_to_frequencies(Counter({stem: -1 for stem in words.stems}))
