"""Time the similar practices and size the compare page's data as the catalogue grows.

    .venv/bin/python scripts/bench_evidence.py 500 5000

Makes N synthetic case studies from the repository's own (each with themes, target groups and
a region drawn from the vocabularies, so terms are shared as in a real catalogue), then prints
the CPU seconds of ``similar_practices`` (the whole site), the size of the JSON the compare
page carries (row labels and ids) and of the largest per-case file it fetches.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

from goodpractice.core.model.similarity import similar_practices
from goodpractice.core.pages.compare import compare_data
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.project import Project

REPO = Path(__file__).resolve().parents[1]


def main(counts: list[int]) -> None:
    site = load_site(Project.at(REPO))
    vocab = site.vocabularies
    themes = list(vocab["themes"].terms)
    groups = list(vocab["target-groups"].terms)
    regions = list(vocab["regions"].terms)
    originals = list(site.practices.values())
    for count in counts:
        rng = random.Random(count)
        practices = {}
        for n in range(count):
            base = originals[n % len(originals)]
            pid = f"{base.id}-{n}"
            practices[pid] = replace(
                base,
                id=pid,
                themes=tuple(rng.sample(themes, 3)),
                target_groups=tuple(rng.sample(groups, 2)),
                regions=(rng.choice(regions),),
            )
        start = time.process_time()
        similar = similar_practices(practices)
        cpu = time.process_time() - start
        big = replace(site, practices=practices, similar=similar)
        data = compare_data(big, "ro")
        page = {"rows": data["rows"], "ids": sorted(practices)}
        largest = max(
            len(json.dumps(c, ensure_ascii=False).encode()) for c in data["cases"].values()
        )
        print(
            f"{count} case studies: similar_practices {cpu:.2f} CPU s; compare page data "
            f"{len(json.dumps(page).encode()) / 1024:.0f} KiB, largest case file "
            f"{largest / 1024:.1f} KiB"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [500, 5000])
