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
# On the search page: the address of its language's Pagefind script, fetched from the head.
SEARCH_BUNDLE = "gp_search_bundle"
# schema.org JSON-LD of the page.
JSONLD = "gp_jsonld"
# The label of the trainer-notes toggle, on module pages with trainer notes.
TRAINER_TOGGLE = "gp_trainer_toggle"
# The HTML of the home page's blocks made from the data (newest cases, figures, ways in),
# drawn after its hand-written text (overrides/main.html).
HOME = "gp_home"
# The printed variant of a whole-document page (participant, trainer, full).
PRINT_VARIANT = "gp_print_variant"
# The "keep for offline use" control of a page: labels, addresses, messages (issue 12).
OFFLINE = "gp_offline"
# The HTML of a case study's contacts (our template), drawn after the sanitised text, so no
# contributed HTML can carry the data attributes that contacts.js joins into an address.
CONTACTS = "gp_contacts"
# The HTML of a case study's map, similar practices and self-assessment (issue 13, our
# template), drawn after the text and outside the search index: they repeat other pages' words.
CASE_BLOCKS = "gp_case_blocks"

# Keys whose value is HTML made by our own templates. The adapter sets them from the core's
# own records (SiteOutput.trusted_html, notices), never from a page's metadata.
HTML_KEYS = frozenset({TRANSLATION_NOTICE, CONTACTS, HOME, CASE_BLOCKS})
# What only the page itself draws: a one-off build drops it once the page is written (MkDocs
# keeps every page's metadata to the end; these held 10-20 KB of each case study's page).
DRAWN_ONCE_KEYS = frozenset({CONTACTS, CASE_BLOCKS, HOME, JSONLD, SEARCH_DATA, OFFLINE})
# Keys whose value is data serialised with ``tojson`` (which escapes for HTML itself).
DATA_KEYS = frozenset({JSONLD, OFFLINE})

# The only front-matter keys a hand-written page (docs/) may set; the build drops any other
# (Material's template, redirect, icon, status, subtitle... and every gp_* key above).
# schema/page.schema.json allows exactly these (a test holds them equal).
HAND_WRITTEN_KEYS = frozenset(
    {"title", "description", "summary", "hide", "translation", "languages"}
)
# The platform's own keys, set by generated pages and the adapter.
PLATFORM_KEYS = frozenset(
    {
        LISTING,
        SEARCHABLE,
        PRACTICE,
        TEXT_LANGUAGE,
        ORIGINAL_LANGUAGE,
        FALLBACK,
        SEARCH_DATA,
        SEARCH_BUNDLE,
        JSONLD,
        TRAINER_TOGGLE,
        PRINT_VARIANT,
        OFFLINE,
    }
)
# Every key a generated page may carry: the build drops any other, whatever set it.
GENERATED_KEYS = HAND_WRITTEN_KEYS | PLATFORM_KEYS | {"search"}

# Template context of sitemap.xml (not page metadata): what overrides/sitemap.xml needs.
SITEMAP_FALLBACK_PATHS = "gp_fallback_paths"
SITEMAP_X_DEFAULT = "gp_x_default"
SITEMAP_DEFAULT_LANGUAGE = "gp_default_language"

# config.extra under `goodpractice serve`: the notice per language naming what is full-build only.
PREVIEW_NOTICE = "gp_preview_notice"
