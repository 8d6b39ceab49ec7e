"""``make bench``: generate knowledge bases, time every command against its baseline, write the report.

    python -m bench [--sizes 100,1000,10000] [--build-sizes 100,1000,10000] [--mkdocs-sizes 100,1000]
                    [--match-records 1000]
                    [--log-mb 100] [--repeat 1] [--quick] [--work DIR] [--no-bundle]

``--quick`` is a smoke run (sizes 20 and 60, a 2 MB log, no bundle) that
writes its report into the work directory instead of ``docs/``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from bench import generate, matchlog
from bench.measure import Timing, best, run, total
from bench.report import Figure, Results, markdown, plot
from kbtool.bundle.stamp import resolve_stamp

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
KB = str(BIN / "kb")
PY = sys.executable


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def knowledge_base(work: Path, records: int, seed: int) -> Path:
    """The generated knowledge base of ``records`` records (reused when a previous run made it)."""
    root = work / f"kb-{records}-seed{seed}"
    done = root / ".generated"
    if not done.exists():
        if root.exists():
            shutil.rmtree(root)
        say(f"generating {records} records")
        generate.generate(root, records, seed)
        done.touch()
    return root


def check_figures(results: Results, n: int, root: Path, repeat: int) -> dict[str, Timing]:
    """kb validate + kb lint against the C loader's floor and against yamllint."""
    files = [str(p.relative_to(root)) for p in sorted((root / "kb" / "records").glob("*.yaml"))]
    files += [str(p.relative_to(root)) for p in sorted((root / "i18n").glob("*/*.yaml"))]
    for name in files:  # into the page cache first: the floor runs first and must not pay for the disk alone
        (root / name).read_bytes()
    say(f"{n}: floor, yamllint, kb validate, kb lint")
    floor = best([PY, "-m", "bench.floor", str(root)], REPO, repeat)
    yamllint = best([str(BIN / "yamllint"), "-f", "parsable", "kb/records", "i18n/ja", "i18n/fr", "i18n/zh"],
                    root, repeat)
    validate = best([KB, "validate"], root, repeat)
    lint = best([KB, "lint"], root, repeat)
    if validate.status or lint.status:
        say(f"warning: kb validate/lint exit {validate.status}/{lint.status} on the generated knowledge base")
    both = total([validate, lint])
    results.figures += [
        Figure("kb validate + kb lint vs C-loader floor", n, both.seconds, floor.seconds,
               limit=3.0 if n >= 10_000 else None, target="≤ 3x at 10,000", ours_mb=both.peak_mb,
               baseline_mb=floor.peak_mb),
        Figure("kb validate vs C-loader floor", n, validate.seconds, floor.seconds, ours_mb=validate.peak_mb,
               baseline_mb=floor.peak_mb),
        Figure("kb lint vs C-loader floor", n, lint.seconds, floor.seconds, ours_mb=lint.peak_mb,
               baseline_mb=floor.peak_mb, note="lint validates too"),
        Figure("kb validate + kb lint vs yamllint", n, both.seconds, yamllint.seconds, limit=1.0,
               target="faster (< 1x)", ours_mb=both.peak_mb, baseline_mb=yamllint.peak_mb),
    ]
    for name, timing in (("kb validate", validate), ("kb lint", lint), ("baseline: C-loader floor", floor),
                         ("baseline: yamllint", yamllint)):
        results.time(name, n, timing.seconds)
    say(f"{n}: floor {floor.seconds:.1f}s yamllint {yamllint.seconds:.1f}s validate {validate.seconds:.1f}s "
        f"lint {lint.seconds:.1f}s")
    return {"kb validate": validate, "kb lint": lint, "kb validate + kb lint": both}


def build_figures(results: Results, n: int, root: Path, work: Path,
                  baseline: bool) -> tuple[dict[str, Timing], Path]:
    """kb build (four languages, in parallel) against mkdocs build of the same pages, one language at a time."""
    site = work / f"site-{n}"
    if site.exists():
        shutil.rmtree(site)
    say(f"{n}: kb build")
    ours = run([KB, "build", "--out", str(site)], root)
    if ours.status:
        say(f"warning: kb build exit {ours.status}")
    results.time("kb build", n, ours.seconds)
    if not baseline:
        say(f"{n}: kb build {ours.seconds:.1f}s (no mkdocs baseline at this size: see --mkdocs-sizes)")
        results.not_measured.append(f"Sequential `mkdocs build` at {n:,} records: not in `--mkdocs-sizes` (the "
                                    "build target is at 1,000 records); `kb build` alone was timed, for growth "
                                    "and page weight.")
        return {"kb build": ours}, site
    pages = work / f"pages-{n}"
    if pages.exists():
        shutil.rmtree(pages)
    listing = pages / "configs.tsv"
    pages.mkdir(parents=True)
    run([PY, "-m", "bench.pages", str(root), str(pages)], REPO, stdout=listing)
    configs = [line.split("\t") for line in listing.read_text().splitlines() if line]
    say(f"{n}: mkdocs build, {len(configs)} languages one after another")
    builds = [run([PY, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", config], pages)
              for _lang, config in configs]
    sequential = total(builds)
    if sequential.status:
        say(f"warning: mkdocs exit {sequential.status}")
    results.figures.append(Figure("kb build (en, ja, fr, zh) vs sequential mkdocs build", n, ours.seconds,
                                  sequential.seconds, limit=1.0 if n == 1000 else None,
                                  target="≤ 1.0x at 1,000", ours_mb=ours.peak_mb, baseline_mb=sequential.peak_mb))
    results.time("baseline: mkdocs build x4", n, sequential.seconds)
    say(f"{n}: kb build {ours.seconds:.1f}s, mkdocs x4 {sequential.seconds:.1f}s")
    return {"kb build": ours}, site


def page_weight(results: Results, sites: dict[int, Path], seed: int) -> None:
    """The English page of record 0 in the largest site built against the smallest."""
    if len(sites) < 2:
        results.not_measured.append("Page weight: needs sites built at two sizes (`--build-sizes`).")
        return
    small, large = min(sites), max(sites)
    page = f"records/{generate.plan(seed, 0).id}.html"
    a, b = (sites[small] / page).stat().st_size, (sites[large] / page).stat().st_size
    results.figures.append(Figure(f"Page weight: one record page at {large:,} vs {small:,} records", large,
                                  float(b), float(a), unit="B", limit=1.10, target="within 10%"))


def match_figures(results: Results, n: int, root: Path, work: Path, megabytes: int, repeat: int) -> None:
    """kb match on a large log against grep -E -f with the same patterns."""
    log = work / f"log-{n}-{megabytes}mb.log"
    if not log.exists():
        say(f"writing a {megabytes} MB log")
        matchlog.write_log(root, log, megabytes)
    patterns = work / f"patterns-{n}.txt"
    count = matchlog.write_patterns(root, patterns)
    say(f"{n}: kb match vs grep -E -f ({count} patterns)")
    grep = best(["grep", "-E", "-f", str(patterns), str(log)], root, repeat)
    command = [KB, "match", str(log), "--format", "json"]
    # A first run validates the knowledge base and caches its valid records; later runs read the cache.
    with tempfile.TemporaryDirectory(prefix="kb-bench-cache-") as cache:
        cold = run(command, root, env={"KB_CACHE_DIR": cache})
        warm = best(command, root, repeat, env={"KB_CACHE_DIR": cache})
    for label, ours in (("first run, validating", cold), ("records cached", warm)):
        results.figures.append(Figure(f"kb match ({label}), {megabytes} MB log vs grep -E -f", n, ours.seconds,
                                      grep.seconds, limit=3.0, target="≤ 3x", ours_mb=ours.peak_mb,
                                      baseline_mb=grep.peak_mb, note=f"{count} signatures"))
    say(f"{n}: kb match {cold.seconds:.1f}s first, {warm.seconds:.1f}s cached; grep {grep.seconds:.1f}s")


def growth(results: Results, measured: dict[int, dict[str, Timing]]) -> None:
    """Each command's time at the largest size against 1/10 of it: at most 11x, no quadratic step."""
    sizes = sorted(measured)
    for large in sizes:
        small = large // 10
        if small not in measured:
            continue
        for command, timing in measured[large].items():
            if command in measured[small]:
                ratio = timing.seconds / measured[small][command].seconds
                results.figures.append(Figure(f"Growth: {command}, {large:,} vs {small:,} records", large, ratio,
                                              unit="x", limit=11.0, target="≤ 11x"))


def bundle_figures(results: Results, work: Path) -> None:
    """The offline bundle of the real knowledge base, and each language's search index in it."""
    out = work / "bundle.zip"
    say("kb bundle of the real knowledge base")
    timing = run([KB, "bundle", "--out", str(out)], REPO)
    if timing.status or not out.exists():
        results.not_measured.append(f"Offline bundle: `kb bundle` exited {timing.status}.")
        return
    results.figures.append(Figure("Offline bundle of the real knowledge base (`kb bundle`)", None,
                                  float(out.stat().st_size), unit="B", ours_mb=timing.peak_mb,
                                  note=f"built in {timing.seconds:.0f} s"))
    with zipfile.ZipFile(out) as archive:
        for info in archive.infolist():
            parts = info.filename.split("/")
            if parts[-1] in ("search_index.json", "search_index.js"):
                lang = parts[-3] if len(parts) >= 3 else "en"
                results.figures.append(Figure(f"Search index, {lang} (`{info.filename}`)", None,
                                              float(info.file_size), unit="B"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="record counts for validate/lint (default %(default)s)")
    parser.add_argument("--build-sizes", default="100,1000,10000", help="record counts to build (default %(default)s)")
    parser.add_argument("--mkdocs-sizes", default="100,1000",
                        help="build sizes at which the sequential mkdocs baseline is built too (default %(default)s)")
    parser.add_argument("--match-records", type=int, default=1000, help="records whose signatures kb match uses")
    parser.add_argument("--log-mb", type=int, default=100, help="size of the kb match log (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each fast command; the fastest counts")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kb-bench",
                        help="where knowledge bases, sites and logs go (kept for the next run)")
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="where benchmarks.md and .png go")
    parser.add_argument("--no-bundle", action="store_true", help="skip the offline bundle figure")
    parser.add_argument("--quick", action="store_true", help="smoke run: tiny sizes, a small log, report in --work")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.build_sizes, args.match_records, args.log_mb = "20,200", "20,200", 20, 2
        args.mkdocs_sizes = "20"
        args.no_bundle, args.out = True, args.work / "quick"
    sizes = sorted({int(s) for s in args.sizes.split(",") if s})
    build_sizes = sorted({int(s) for s in args.build_sizes.split(",") if s})
    mkdocs_sizes = {int(s) for s in args.mkdocs_sizes.split(",") if s}
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)

    results = Results(options=" ".join(argv if argv is not None else sys.argv[1:]) or "(defaults)",
                      code=resolve_stamp(REPO, {}).version)
    measured: dict[int, dict[str, Timing]] = {}
    sites: dict[int, Path] = {}
    for n in sorted(set(sizes) | set(build_sizes) | {args.match_records}):
        root = knowledge_base(work, n, args.seed)
        measured[n] = {}
        if n in sizes:
            measured[n].update(check_figures(results, n, root, args.repeat))
        if n in build_sizes:
            timings, sites[n] = build_figures(results, n, root, work, baseline=n in mkdocs_sizes)
            measured[n].update(timings)
        if n == args.match_records:
            match_figures(results, n, root, work, args.log_mb, args.repeat)
    page_weight(results, sites, args.seed)
    growth(results, measured)
    for n in sizes:
        if n not in build_sizes:
            results.not_measured.append(f"`kb build` at {n:,} records: not in `--build-sizes` (see the notes).")
    if not args.no_bundle:
        bundle_figures(results, work)

    notes_file = REPO / "bench" / "NOTES.md"
    notes = notes_file.read_text(encoding="utf-8") if notes_file.exists() else ""
    (args.out / "benchmarks.md").write_text(markdown(results, notes), encoding="utf-8")
    plot(results, args.out / "benchmarks.png")
    say(f"report written: {args.out / 'benchmarks.md'}, {args.out / 'benchmarks.png'}")
    unmet = [f for f in results.figures if f.met is False]
    for f in unmet:
        say(f"target not met: {f.name} at {f.records}: {f.ratio:.2f}x ({f.target})")
    return 0
