"""The news-day mix's figures: its paces, its results per purge mode, its targets."""

from dataclasses import dataclass, field

from loadgen import WrkRun
from report import fmt, fmt_rate

MODES = ("generation", "precise")
MIX = "story:80,home:8,section:5,search:3,feed:4"
ZIPF_EXPONENT = "1.0"  # as bench/newsday_django.py's
NEWS_DAY = {"comment": 1.0, "story": 60.0, "person": 600.0}
STORY_CHANGES, PERSON_CHANGES = 3, 2
HIT_RATIO_MIN = 0.95
RATIO_MIN = 0.5


def paces(seconds: float) -> dict[str, float]:
    """Seconds between changes of each kind, for a run of `seconds`."""
    return {
        "comment": NEWS_DAY["comment"],
        "story": min(NEWS_DAY["story"], seconds / STORY_CHANGES),
        "person": min(NEWS_DAY["person"], seconds / PERSON_CHANGES),
    }


@dataclass
class ModeResult:
    mode: str
    run: WrkRun
    outcomes: dict[str, int]
    queries: int | None
    seconds: float
    writer: dict = field(default_factory=dict)
    primed: tuple[int, int, float] = (0, 0, 0.0)  # pages fetched, listed, seconds

    @property
    def hit_ratio(self) -> float | None:
        total = sum(self.outcomes.values())
        return self.outcomes.get("hit", 0) / total if total else None

    @property
    def queries_per_second(self) -> float | None:
        return None if self.queries is None else self.queries / self.seconds


@dataclass
class NewsDayResult:
    size: str
    stories: int
    modes: list[ModeResult]
    every: dict[str, float]
    floor_rps: float | None
    warnings: list[str] = field(default_factory=list)

    HEADERS = [
        "purge",
        "pages/s",
        "p50 ms",
        "p99 ms",
        "hit ratio",
        "DB queries/s",
        "× floor",
        "errors",
        "edits made",
    ]

    def mode(self, name: str) -> ModeResult | None:
        return next((m for m in self.modes if m.mode == name), None)

    def ratio(self, name: str) -> float | None:
        found = self.mode(name)
        if not found or found.run.rps is None or not self.floor_rps:
            return None
        return found.run.rps / self.floor_rps

    def rows(self) -> list[list[str]]:
        rows = []
        for result in self.modes:
            done = result.writer
            edits = (
                f"{done.get('comments', 0)} comments, "
                f"{done.get('publishes', 0)} published, "
                f"{done.get('corrections', 0)} corrected, "
                f"{done.get('people', 0)} people"
            )
            hits = result.hit_ratio
            rows.append(
                [
                    result.mode,
                    fmt_rate(result.run.rps),
                    fmt(result.run.p50_ms, 1),
                    fmt(result.run.p99_ms, 1),
                    "n/a" if hits is None else f"{hits:.1%}",
                    fmt(result.queries_per_second),
                    fmt(self.ratio(result.mode), 2),
                    str(result.run.errors),
                    edits,
                ]
            )
        return rows

    def heading(self) -> str:
        return (
            f"news day ({self.size}: {self.stories:,} live stories; reads {MIX}, "
            f"stories by a Zipf law, s = {ZIPF_EXPONENT})"
        )

    def notes(self) -> list[str]:
        every = self.every
        scaled = every != NEWS_DAY
        return [
            "edits while measuring: a comment approved every "
            f"{every['comment']:.3g} s, "
            f"a story published or corrected (in turn) every {every['story']:.3g} s, "
            f"a correspondent edited every {every['person']:.3g} s"
            + (
                f" (a news day's paces are {NEWS_DAY['comment']:g} s, "
                f"{NEWS_DAY['story']:g} s and {NEWS_DAY['person']:g} s; this run "
                "was shorter, so stories and people change faster, "
                f"each at least {STORY_CHANGES} and {PERSON_CHANGES} times)"
                if scaled
                else ""
            ),
            "before each run the cache was primed with the mix's pages (lists, "
            "then stories hottest first): "
            + "; ".join(
                f"{m.mode} {m.primed[0]:,} of {m.primed[1]:,} in {m.primed[2]:.0f} s"
                for m in self.modes
            ),
            "hit ratio: the share of responses the page cache answered (its "
            "X-Page-Cache header); DB queries/s: the web workers' SQL queries "
            "(not the writer's) over the measured seconds; × floor: pages/s over "
            "the bare Django floor's median in this size's table",
        ]

    def verdicts(self) -> list[tuple[str, str, str]]:
        precise = self.mode("precise")
        hits = precise.hit_ratio if precise else None
        ratio = self.ratio("precise")
        return [
            (
                "PASS" if hits is not None and hits >= HIT_RATIO_MIN else "FAIL",
                f"news day, precise purge: hit ratio ≥ {HIT_RATIO_MIN:.0%}",
                f"{self.size} " + ("n/a" if hits is None else f"{hits:.1%}"),
            ),
            (
                "PASS" if ratio is not None and ratio >= RATIO_MIN else "FAIL",
                f"news day, precise purge ≥ {RATIO_MIN} × floor",
                f"{self.size} {fmt(ratio, 2)}",
            ),
        ]


def summary(result: NewsDayResult) -> dict:
    """The figures of each mode, for machines (the smoke test reads them)."""
    return {
        "size": result.size,
        "stories": result.stories,
        "every": result.every,
        "modes": {
            m.mode: {
                "pages_per_s": m.run.rps,
                "p50_ms": m.run.p50_ms,
                "p99_ms": m.run.p99_ms,
                "hit_ratio": m.hit_ratio,
                "db_queries_per_s": m.queries_per_second,
                "errors": m.run.errors,
                "cache_answers": m.outcomes,
                "edits": m.writer,
                "statuses": m.run.statuses,
            }
            for m in result.modes
        },
        "warnings": result.warnings,
    }
