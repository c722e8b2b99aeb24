"""A time with its year is written in one shape, named once (downtime.domain.clock.DATED): the
services, the exports and the PDFs each wrote "%d/%m/%Y %H:%M" as a literal of their own (one a
second constant called DATED), so a change of the shape would have reached some of them only."""

import re
from pathlib import Path

from downtime.domain.clock import DATED

ROOT = Path(__file__).resolve().parents[1] / "downtime"
LAYERS = ("services", "sync", "pdf")
LITERAL = re.compile(r"""(["'])%d/%m/%Y %H:%M\1""")


def test_the_dated_shape_is_written_once_in_the_services_exports_and_pdfs():
    assert DATED == "%d/%m/%Y %H:%M"
    written = [f"{path.relative_to(ROOT.parent)}:{number}" for layer in LAYERS
               for path in sorted((ROOT / layer).rglob("*.py"))
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if LITERAL.search(line)]
    assert not written, f"use downtime.domain.clock.DATED: {written}"
