"""The results of a run: tables, the large-vs-demo comparison, the targets."""

import os
import statistics
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from common import RESULTS, Target
from loadgen import WrkRun
from services import Services

# Targets (bench/README.md): pass marks the benchmark holds the app to, all
# against the bare Django floor (bench/bare/).
COLD_RATIO_MIN = 0.14  # issue 18: the story with every cache empty
UNCACHED_RATIO_MIN = 0.15
CACHED_RATIO_MIN = 0.6
API_RATIO_MIN = 0.5  # issue 19: the API's story list, from the cache
UNCACHED_P99_MAX_MS = 50.0
LARGE_SLOWDOWN_MAX = 0.20
WORKER_RSS_MAX_MB = 150.0


@dataclass
class SizeResult:
    size: str
    info: dict
    targets: list[Target]
    runs: dict[str, list[WrkRun]]
    queries: dict[str, dict]
    memory_start: dict[str, list[float]]
    memory_end: dict[str, list[float]]
    memory_peak: float
    warnings: list[str]
    page_kb: dict[str, float]
    news_day: Any = None  # a newsday.NewsDayResult, on the size that ran it

    def rps(self, key: str) -> list[float]:
        return [r.rps for r in self.runs.get(key, []) if r.rps is not None]

    def median_rps(self, key: str) -> float | None:
        values = self.rps(key)
        return statistics.median(values) if values else None

    def median_of(self, key: str, attribute: str) -> float | None:
        values = [getattr(r, attribute) for r in self.runs.get(key, [])]
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None

    def ratio(self, key: str) -> float | None:
        """The median over the rounds of the page's rate over the floor's in
        the same round: the machine's drift during a run cancels out."""
        ratios = [
            page.rps / floor.rps
            for page, floor in zip(
                self.runs.get(key, []), self.runs.get("floor", []), strict=False
            )
            if page.rps is not None and floor.rps
        ]
        return statistics.median(ratios) if ratios else None

    def errors(self, key: str) -> int:
        return sum(r.errors for r in self.runs.get(key, []))


def fmt(value: float | None, digits: int = 0) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def fmt_rate(value: float | None) -> str:
    """Pages per second: a decimal only where it matters."""
    return fmt(value, 1 if value is not None and value < 10 else 0)


def table_rows(result: SizeResult) -> list[list[str]]:
    rows = []
    for target in result.targets:
        values = result.rps(target.key)
        spread = f"{fmt_rate(min(values))}–{fmt_rate(max(values))}" if values else "n/a"
        queries = result.queries.get(target.key, {}).get("queries")
        ratio = result.ratio(target.key)
        rows.append(
            [
                target.label,
                fmt_rate(result.median_rps(target.key)),
                spread,
                fmt(result.median_of(target.key, "p50_ms"), 1),
                fmt(result.median_of(target.key, "p99_ms"), 1),
                "n/a" if queries is None else str(queries),
                fmt(ratio, 2),
                str(result.errors(target.key)),
            ]
        )
    return rows


HEADERS = [
    "page",
    "pages/s",
    "min–max",
    "p50 ms",
    "p99 ms",
    "SQL/req",
    "× floor",
    "errors",
]


def text_table(rows: list[list[str]], headers: list[str] = HEADERS) -> str:
    """Numbers right-aligned; the first column and an unnamed last one left."""
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for row in [headers, *rows]:
        cells = [
            cell.ljust(width) if i == 0 or not headers[i] else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths if w).rstrip())
    return "\n".join(lines)


def markdown_table(rows: list[list[str]], headers: list[str] = HEADERS) -> str:
    lines = [
        "| " + " | ".join(headers) + " |",
        "|"
        + "".join(
            "---|" if i == 0 or not h else "---:|" for i, h in enumerate(headers)
        ),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def size_heading(result: SizeResult) -> str:
    info = result.info
    return (
        f"{result.size}: {info['articles']:,} articles "
        f"({info['live_articles']:,} live), {info['comments']:,} comments; "
        f"article page {info['article']} "
        f"({info['article_words']} words, {info['article_comments']} comments)"
    )


def size_notes(result: SizeResult) -> list[str]:
    lines = []
    for name in ("cached", "uncached", "memory"):
        if name not in result.memory_start:
            continue
        start = ", ".join(fmt(m) for m in result.memory_start.get(name, []))
        end = ", ".join(fmt(m) for m in result.memory_end.get(name, []))
        lines.append(f"{name} server workers, VmRSS MB: start [{start}], end [{end}]")
    lines.append(
        f"largest worker seen (sampled after every run): {fmt(result.memory_peak)} MB"
    )
    renders = [
        f"{target.label.removesuffix(' (cached)').removesuffix(' (uncached)')} "
        f"{fmt(result.queries[target.key]['render_ms'], 1)}"
        f" / {fmt(result.queries[target.key].get('cold_ms'), 1)}"
        for target in result.targets
        if "render_ms" in result.queries.get(target.key, {})
        and not target.key.startswith(("article_cached", "article_cold"))
    ]
    if renders:
        lines.append(
            "page-cache miss, one request rendered in-process, ms "
            "(with the page's cached parts / with nothing cached): "
            + ", ".join(renders)
        )
    hits = [
        f"{target.label.removesuffix(' (cached)')} "
        f"{fmt(result.queries[target.key]['hit_us'])}"
        for target in result.targets
        if "hit_us" in result.queries.get(target.key, {})
    ]
    memory = result.queries.get("article_cached_memory", {})
    if memory:
        shared = result.queries.get("article_cached", {})
        lines.append(
            "the file store against per-process memory, cached article: "
            f"× floor {fmt(result.ratio('article_cached'), 2)} against "
            f"{fmt(result.ratio('article_cached_memory'), 2)}, in-process hit "
            f"{fmt(shared.get('hit_us'))} µs against {fmt(memory.get('hit_us'))} µs"
        )
    if hits:
        lines.append(
            "page-cache hit, one request served in-process, µs (the median of "
            "200): " + ", ".join(hits)
        )
    return lines


COMPARISON_HEADERS = ["page", "demo", "large", "change", "× floor", "KB", ""]


def comparison(results: dict[str, SizeResult]) -> tuple[list[list[str]], list[str]]:
    """Per page: large against demo, and the pages more than 20% slower.

    "change" compares median pages/s; "× floor" compares the pages' ratios to
    the floor measured in the same rounds, which cancels out the machine
    being busier for one size than the other. KB: the page's size at each.
    """
    demo, large = results.get("demo"), results.get("large")
    if not demo or not large:
        return [], []
    rows, slower = [], []
    for target in demo.targets:
        before, after = demo.median_rps(target.key), large.median_rps(target.key)
        change = (after / before - 1) if before and after else None
        ratio_before, ratio_after = demo.ratio(target.key), large.ratio(target.key)
        ratio_change = (
            ratio_after / ratio_before - 1 if ratio_before and ratio_after else None
        )
        sizes = [r.page_kb.get(target.key) for r in (demo, large)]
        flag = ""
        if change is not None and change < -LARGE_SLOWDOWN_MAX and not target.floor:
            flag = "more than 20% slower"
            slower.append(f"{target.label} ({change:+.1%})")
        rows.append(
            [
                target.label,
                fmt_rate(before),
                fmt_rate(after),
                "n/a" if change is None else f"{change:+.1%}",
                ""
                if ratio_change is None or target.key == "floor"
                else f"{ratio_change:+.1%}",
                "" if None in sizes else f"{sizes[0]:.0f} → {sizes[1]:.0f}",
                flag,
            ]
        )
    return rows, slower


def floor_drift(results: dict[str, SizeResult]) -> str:
    """A note when the floor itself moved between sizes: the machine did."""
    demo, large = results.get("demo"), results.get("large")
    if not demo or not large:
        return ""
    before, after = demo.median_rps("floor"), large.median_rps("floor")
    if not before or not after or abs(after / before - 1) <= LARGE_SLOWDOWN_MAX:
        return ""
    return (
        f"note: the bare Django floor itself moved {after / before - 1:+.0%} between "
        "the sizes, so the machine was not equally fast for both; the × floor "
        "column compares like with like"
    )


def verdicts(results: dict[str, SizeResult]) -> list[tuple[str, str, str]]:
    """(PASS/FAIL/SKIP, target, the figures behind it)."""

    def per_size(measure, passes, digits):
        values = {s: measure(r) for s, r in results.items()}
        ok = all(v is not None and passes(v) for v in values.values())
        shown = ", ".join(f"{s} {fmt(v, digits)}" for s, v in values.items())
        return ("PASS" if ok else "FAIL"), shown

    checks = [
        (
            f"cold article ≥ {COLD_RATIO_MIN} × floor",
            *per_size(
                lambda r: r.ratio("article_cold"), lambda v: v >= COLD_RATIO_MIN, 2
            ),
        ),
        (
            f"uncached article ≥ {UNCACHED_RATIO_MIN} × floor",
            *per_size(
                lambda r: r.ratio("article_uncached"),
                lambda v: v >= UNCACHED_RATIO_MIN,
                2,
            ),
        ),
        (
            f"cached article ≥ {CACHED_RATIO_MIN} × floor",
            *per_size(
                lambda r: r.ratio("article_cached"), lambda v: v >= CACHED_RATIO_MIN, 2
            ),
        ),
        (
            f"cached API story list ≥ {API_RATIO_MIN} × floor",
            *per_size(
                lambda r: r.ratio("api_stories"), lambda v: v >= API_RATIO_MIN, 2
            ),
        ),
        (
            f"uncached article p99 < {UNCACHED_P99_MAX_MS:.0f} ms",
            *per_size(
                lambda r: r.median_of("article_uncached", "p99_ms"),
                lambda v: v < UNCACHED_P99_MAX_MS,
                1,
            ),
        ),
    ]
    _rows, slower = comparison(results)
    if "demo" in results and "large" in results:
        checks.append(
            (
                "no page > 20% slower at large size",
                "FAIL" if slower else "PASS",
                ", ".join(slower) if slower else "none",
            )
        )
    else:
        checks.append(
            ("no page > 20% slower at large size", "SKIP", "needs demo and large")
        )
    checks.append(
        (
            f"worker memory < {WORKER_RSS_MAX_MB:.0f} MB",
            *per_size(
                lambda r: r.memory_peak or None, lambda v: v < WORKER_RSS_MAX_MB, 0
            ),
        )
    )
    found = [(status, name, figures) for name, status, figures in checks]
    for result in results.values():
        if result.news_day:
            found += result.news_day.verdicts()
    return found


def report(results: dict[str, SizeResult], options, services: Services) -> str:
    """Print the tables and return the same as markdown."""
    workers = max(
        (len(r.memory_start.get("cached", [])) for r in results.values()), default=0
    )
    setup = (
        f"{services.describe()} · gunicorn, {workers} sync workers per server · "
        f"wrk {options.threads} threads, {options.connections} connections · "
        f"{options.rounds} round(s) of {options.duration} s · {os.cpu_count()} CPUs"
    )
    markdown = [
        "# make bench: latest results",
        "",
        f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z} · {setup}",
        f"`python bench/run.py {' '.join(options.argv)}`".replace(" `", "`"),
        "",
    ]
    print(f"\n{setup}")
    for result in results.values():
        rows = table_rows(result)
        print(f"\n{size_heading(result)}\n")
        print(text_table(rows))
        print()
        for line in size_notes(result):
            print(line)
        for warning in result.warnings:
            print(f"warning: {warning}")
        markdown += [f"## {size_heading(result)}", "", markdown_table(rows), ""]
        markdown += [f"- {line}" for line in size_notes(result)]
        markdown += [f"- warning: {w}" for w in result.warnings] + [""]
        if day := result.news_day:
            print(f"\n{day.heading()}\n")
            print(text_table(day.rows(), day.HEADERS))
            print()
            for line in [*day.notes(), *(f"warning: {w}" for w in day.warnings)]:
                print(line)
            markdown += [f"## {day.heading()}", ""]
            markdown += [markdown_table(day.rows(), day.HEADERS), ""]
            markdown += [f"- {line}" for line in day.notes()]
            markdown += [f"- warning: {w}" for w in day.warnings] + [""]

    rows, _slower = comparison(results)
    if rows:
        print("\nlarge vs demo (median pages/s)\n")
        print(text_table(rows, COMPARISON_HEADERS))
        markdown += ["## large vs demo (median pages/s)", ""]
        markdown += [markdown_table(rows, COMPARISON_HEADERS), ""]
        if note := floor_drift(results):
            print(f"\n{note}")
            markdown += [f"- {note}", ""]

    print("\nTargets\n")
    markdown += ["## Targets", ""]
    for status, name, figures in verdicts(results):
        print(f"  {status}  {name:<44} {figures}")
        markdown.append(f"- **{status}** {name}: {figures}")
    return "\n".join(markdown) + "\n"


def write_results(markdown: str, options, services: Services) -> list[Path]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    paths = [RESULTS / "latest.md"]
    if not options.quick and len(options.size_list) == 2:
        # Both sizes: kept per backend, for the README to quote.
        paths.append(RESULTS / f"latest-{services.slug()}.md")
    for path in paths:
        path.write_text(markdown)
    return paths
