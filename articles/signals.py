"""What the articles app tells the rest of the project about an article an editor changed.

The timeline listens (timeline/receivers.py); the articles app never imports the timeline.
"""

from django.dispatch import Signal

# The article's publication date (or how it is known) changed: its relative dates count from another day.
# Receivers may return a one-line summary of what they redid, for the editor.
article_redated = Signal()  # kwargs: article

# The article is filed under another source or agency: whatever counts its sources must count again.
article_refiled = Signal()  # kwargs: article
