"""Help texts that the apps' models share, in plain words for organisers."""

from django.utils.translation import gettext_lazy as _

MARKDOWN_HELP = _(
    "Formatting: **bold**, *italic*, [a link](https://example.org), “- ” at the start of a "
    "line for a list, an empty line between paragraphs. The Preview button shows the result."
)
SLUG_HELP = _(
    "The end of the page's web address, filled in for you: lower-case letters, numbers and "
    "hyphens. Changing it later breaks the links people have shared."
)
DEMO_HELP = _(
    "Example content that comes with the site (the load_demo command); delete it once you "
    "have your own."
)
MAIN_LANGUAGE_HELP = _(
    "The language you write in first: its texts are required. Visitors read a translation in "
    "their language where you wrote one, and this language otherwise."
)
