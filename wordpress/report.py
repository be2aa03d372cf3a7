"""What an import did, or would do: counts per kind of record, and problems."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
SKIPPED, REFUSED = "skipped", "refused"
OUTCOMES = (CREATED, UPDATED, UNCHANGED, SKIPPED, REFUSED)


class ImportAborted(Exception):
    """The export cannot be imported as it stands."""


@dataclass
class Report:
    """What the import did (or, on a dry run, would do), per kind of record."""

    dry_run: bool = False
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    problems: list[str] = field(default_factory=list)

    def add(self, kind: str, outcome: str, problem: str = "") -> None:
        self.counts[kind][outcome] += 1
        if problem:
            self.problems.append(problem)

    def lines(self) -> list[str]:
        width = max([len(kind) for kind in self.counts] + [8])
        lines = [" " * width + "".join(f"{outcome:>11}" for outcome in OUTCOMES)]
        for kind, counts in self.counts.items():
            numbers = "".join(f"{counts[outcome]:>11}" for outcome in OUTCOMES)
            lines.append(f"{kind:<{width}}{numbers}")
        return lines
