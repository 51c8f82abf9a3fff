"""What words weigh: rare words say more about what a sentence reports than words every article uses.

Each article's word stems are counted once, when its text changes (`count_words`), and stored with it;
a table keeps how many articles use each stem. A build reads only the counts of the stems it weighs, so
adding one article or re-dating one costs the same whatever the size of the archive.
"""

from collections import Counter, OrderedDict
from collections.abc import Iterable

from django.db.models import F
from django.db.models.functions import Greatest

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
    ids = list(stale.values_list("pk", flat=True))
    change: Counter = Counter()
    for start in range(0, len(ids), BATCH):
        change.update(_count_batch(ids[start : start + BATCH]))
    add_to_frequencies(change)
    return len(ids)


def _count_batch(ids: list[int]) -> Counter:
    """Count the stems of these articles; returns what that changes in how many articles use each stem."""
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
    for words in updated:
        words.save(update_fields=["content_hash", "stems"])
    return change


def add_to_frequencies(change: Counter) -> None:
    """Add `change` (stem → articles gained, or lost when negative) to the stored counts: one query per
    batch of stems gaining or losing as many."""
    wanted = [stem for stem, by in change.items() if by and len(stem) <= STEM_LENGTH]
    known: set[str] = set()
    for start in range(0, len(wanted), BATCH):
        known.update(WordFrequency.objects.filter(stem__in=wanted[start : start + BATCH]).values_list("stem", flat=True))
    WordFrequency.objects.bulk_create(
        [WordFrequency(stem=stem, articles=change[stem]) for stem in wanted if stem not in known and change[stem] > 0],
        batch_size=BATCH,
    )
    by_change: dict[int, list[str]] = {}
    for stem in wanted:
        if stem in known:
            by_change.setdefault(change[stem], []).append(stem)
    for by, group in by_change.items():
        for start in range(0, len(group), BATCH):
            WordFrequency.objects.filter(stem__in=group[start : start + BATCH]).update(articles=Greatest(F("articles") + by, 0))
    lost = [stem for stem in wanted if change[stem] < 0]
    for start in range(0, len(lost), BATCH):
        WordFrequency.objects.filter(stem__in=lost[start : start + BATCH], articles=0).delete()


def forget_words(words: ArticleWords) -> None:
    """An article left the archive: its stems no longer count."""
    add_to_frequencies(Counter({stem: -1 for stem in words.stems}))
