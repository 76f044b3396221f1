"""Pages: the generated pages of the site (case studies, listings, indicators, long documents),
rendered per language from the model through the templates in ``overrides/goodpractice/``."""
