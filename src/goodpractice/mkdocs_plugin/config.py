from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config


class GoodPracticeConfig(Config):
    # Folder holding practices/, vocabularies/, i18n/ and schema/; default: beside mkdocs.yml.
    project_dir = config_options.Optional(config_options.Type(str))
