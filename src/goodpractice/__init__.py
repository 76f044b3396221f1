"""goodpractice: content model, validation and site build of a bilingual good-practice platform."""

__version__ = "0.1.0"
