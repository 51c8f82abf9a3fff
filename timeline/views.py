from django.shortcuts import get_object_or_404, render

from articles.models import Article


def timeline(request):
    articles = Article.objects.select_related("source", "agency").order_by("published", "file_name")
    return render(request, "timeline/page.html", {"articles": articles})


def article(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("source", "agency"), pk=pk)
    return render(request, "articles/article.html", {"article": article})
