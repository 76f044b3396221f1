"""Every key the platform adds to a page's metadata, defined once.

Generated pages set them in their front matter; the MkDocs adapter sets the rest; the theme
overrides read them (``overrides/main.html`` and its partials use the same strings).
"""

from __future__ import annotations

# A generated page made only of our templates and escaped data: not sanitised.
LISTING = "gp_listing"
# False on pages left out of the search index (listings, print pages, fallbacks).
SEARCHABLE = "gp_searchable"
# The id of the case study a page shows.
PRACTICE = "gp_practice"
# The language of the text a page shows (another one than the page's on a fallback page).
TEXT_LANGUAGE = "gp_text_language"
# The language a page was written in, when it is translated.
ORIGINAL_LANGUAGE = "gp_original_language"
# The HTML of the notice of a missing or outdated translation, drawn above the text.
TRANSLATION_NOTICE = "gp_translation_notice"
# True on a page that shows its original in place of a missing translation.
FALLBACK = "gp_fallback"
# The summary, place and filters of a case study for Pagefind.
SEARCH_DATA = "gp_search"
# schema.org JSON-LD of the page.
JSONLD = "gp_jsonld"
# The label of the trainer-notes toggle, on module pages with trainer notes.
TRAINER_TOGGLE = "gp_trainer_toggle"
# The printed variant of a whole-document page (participant, trainer, full).
PRINT_VARIANT = "gp_print_variant"
# The "keep for offline use" control of a page: labels, addresses, messages (issue 12).
OFFLINE = "gp_offline"

# Template context of sitemap.xml (not page metadata): what overrides/sitemap.xml needs.
SITEMAP_FALLBACK_PATHS = "gp_fallback_paths"
SITEMAP_X_DEFAULT = "gp_x_default"
SITEMAP_DEFAULT_LANGUAGE = "gp_default_language"
