from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config


class GoodPracticeConfig(Config):
    # Off: MkDocs builds the hand-written pages only, as if the plugin were not listed.
    enabled = config_options.Type(bool, default=True)
    # Folder holding practices/, vocabularies/, i18n/ and schema/; default: beside mkdocs.yml.
    project_dir = config_options.Optional(config_options.Type(str))
