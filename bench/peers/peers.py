"""Side-by-side speed of dyad and two Python tools on the same inputs.

    python peers.py run --dyad BIN --runs N --out DIR [--all] [--cpu N] [--command STR]
    python peers.py worker natasha|trafilatura LISTFILE

`run` orchestrates: every measurement is a fresh child process, RUNS times,
interleaved (run 1 of every tool, then run 2 of every tool, ...). `worker`
is one Python measurement: it loads the tool (timed apart), reads and
decodes every input outside the timed loop, then times the loop alone and
prints one JSON object. dyad is timed from outside as a whole process
(CPU time from getrusage(RUSAGE_CHILDREN) deltas, wall from a monotonic
clock), so its start-up is inside its figures; the start-up is also
measured on its own on a one-document input and printed, never subtracted.
"""

import os

# Single-threaded numerics for natasha (slovnet runs on numpy); set before
# numpy can be imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import gzip
import json
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared" / "corpus"


def clocks():
    """(CPU seconds of this process, wall seconds)."""
    return time.process_time(), time.perf_counter()


def worker_natasha(files):
    t0 = clocks()
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter = Segmenter()
    ner_tagger = NewsNERTagger(NewsEmbedding())
    t1 = clocks()
    texts = [Path(f).read_bytes().decode("utf-8") for f in files]
    spans = 0
    t2 = clocks()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner_tagger)
        spans += len(doc.spans)
    t3 = clocks()
    return timings(t0, t1, t2, t3, f"{spans} entity spans")


def timings(load_start, load_end, start, end, check):
    """A worker's result: loading (import, models) and the timed loop, each
    as CPU and wall seconds from (cpu, wall) clock pairs."""
    return {
        "load_cpu": load_end[0] - load_start[0],
        "load_wall": load_end[1] - load_start[1],
        "cpu": end[0] - start[0],
        "wall": end[1] - start[1],
        "check": check,
    }


def worker_trafilatura(files):
    t0 = clocks()
    import trafilatura
    from trafilatura.utils import decode_file

    t1 = clocks()
    # Decoding (charset detection) happens here, outside the timed loop,
    # with trafilatura's own decoder: extract() then gets a str.
    pages = [decode_file(Path(f).read_bytes()) for f in files]
    extracted = chars = 0
    t2 = clocks()
    for html in pages:
        text = trafilatura.extract(html)
        if text:
            extracted += 1
            chars += len(text)
    t3 = clocks()
    return timings(t0, t1, t2, t3, f"{extracted} pages with text, {chars} chars")


def worker_main(tool, listfile):
    files = Path(listfile).read_text("utf-8").splitlines()
    result = {"natasha": worker_natasha, "trafilatura": worker_trafilatura}[tool](files)
    json.dump(result, sys.stdout)


# ---------------------------------------------------------------- run


def pin_prefix(cpu):
    if cpu is None or not shutil.which("taskset"):
        return []
    return ["taskset", "-c", str(cpu)]


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_dyad(prefix, dyad, paths, output="/dev/null"):
    """CPU and wall seconds of one `dyad code --threads 1` process."""
    cmd = prefix + [dyad, "code", "--threads", "1", "-o", output] + [str(p) for p in paths]
    cpu0, wall0 = children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall1, cpu1 = time.perf_counter(), children_cpu()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.decode(errors='replace')}")
    return {"cpu": cpu1 - cpu0, "wall": wall1 - wall0}


def time_python(prefix, tool, listfile):
    cmd = prefix + [sys.executable, str(Path(__file__).resolve()), "worker", tool, str(listfile)]
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.decode(errors='replace')}")
    return json.loads(proc.stdout)


def list_files(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


def gunzip_html(src, dst):
    """The scrapinghub pages, decompressed once, so both tools read the same bytes."""
    dst.mkdir(parents=True, exist_ok=True)
    out = []
    for gz in sorted(Path(src).glob("*.html.gz")):
        target = dst / gz.name[: -len(".gz")]
        if not target.exists():
            target.write_bytes(gzip.decompress(gz.read_bytes()))
        out.append(target)
    return out


class Input:
    def __init__(self, key, label, files, dyad_paths, out):
        self.key, self.label, self.files, self.dyad_paths = key, label, files, dyad_paths
        self.bytes = sum(f.stat().st_size for f in files)
        self.listfile = out / f"{key}.list"
        self.listfile.write_text("".join(f"{f}\n" for f in files), "utf-8")


def check_dyad(prefix, dyad, inp, out):
    """One untimed run (it also warms the page cache): one record per document."""
    jsonl = out / f"check-{inp.key}.jsonl"
    time_dyad(prefix, dyad, inp.dyad_paths, str(jsonl))
    records = len(jsonl.read_text("utf-8").splitlines())
    jsonl.unlink()
    if records != len(inp.files):
        sys.exit(f"dyad gave {records} records for {len(inp.files)} files of {inp.label}")
    return f"{records} records"


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def fmt(x, digits=1):
    return f"{x:,.{digits}f}" if x < 100 else f"{x:,.0f}"


def run_main(args):
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    prefix = pin_prefix(args.cpu)
    dyad = str(Path(args.dyad).resolve())

    slavic = SHARED / "slavicner"
    ru = Input("ru", "slavicner ru", list_files(slavic / "ru"), [slavic / "ru"], out)
    every = Input("all", "slavicner ru+bg+uk", list_files(slavic), [slavic], out)
    html_files = gunzip_html(SHARED / "scrapinghub" / "html", out / "html")
    html = Input("html", "scrapinghub HTML (gunzipped)", html_files, [out / "html"], out)
    one = out / "startup" / "one.txt"
    one.parent.mkdir(exist_ok=True)
    one.write_text("Президент России встретился с министром.\n", "utf-8")

    # (name, tool, what it does, input, how to run it once)
    jobs = [
        ("dyad-startup", "dyad", "start-up: one 40-byte document", None,
         lambda: time_dyad(prefix, dyad, [one])),
        ("natasha-ru", "natasha", "segment + NER", ru,
         lambda: time_python(prefix, "natasha", ru.listfile)),
        ("dyad-ru", "dyad", "full pipeline", ru,
         lambda: time_dyad(prefix, dyad, ru.dyad_paths)),
        ("trafilatura-html", "trafilatura", "main-text extraction", html,
         lambda: time_python(prefix, "trafilatura", html.listfile)),
        ("dyad-html", "dyad", "full pipeline", html,
         lambda: time_dyad(prefix, dyad, html.dyad_paths)),
    ]
    if args.all:
        jobs.append(("natasha-all", "natasha", "segment + NER (ru model on all three languages)", every,
                     lambda: time_python(prefix, "natasha", every.listfile)))
    jobs.append(("dyad-all", "dyad", "full pipeline", every,
                 lambda: time_dyad(prefix, dyad, every.dyad_paths)))
    pairs = {"natasha-ru": "dyad-ru", "trafilatura-html": "dyad-html", "natasha-all": "dyad-all"}

    checks = {}
    for inp in (ru, html, every):
        checks[f"dyad-{inp.key}"] = check_dyad(prefix, dyad, inp, out)

    results = {name: [] for name, *_ in jobs}
    for r in range(args.runs):
        for name, *_, once in jobs:
            res = once()
            results[name].append(res)
            if "check" in res:
                checks[name] = res["check"]
            print(f"run {r + 1}/{args.runs} {name}: cpu {res['cpu']:.2f}s wall {res['wall']:.2f}s",
                  file=sys.stderr, flush=True)

    med = statistics.median
    rows = []
    for name, tool, what, inp, _ in jobs:
        if inp is None:
            continue
        runs = results[name]
        row = [tool, what, inp.label, f"{len(inp.files):,}", f"{inp.bytes / 1e6:.2f}"]
        for clock in ("cpu", "wall"):
            row.append(fmt(med(len(inp.files) / x[clock] for x in runs)))
            row.append(fmt(med(inp.bytes / 1e6 / x[clock] for x in runs), 2))
        if name in pairs:
            mine = results[pairs[name]]
            for clock in ("cpu", "wall"):
                ratio = med(p[clock] / d[clock] for p, d in zip(runs, mine))
                row.append(f"**{ratio:.1f}×**" if clock == "cpu" else f"{ratio:.1f}×")
        else:
            row += ["—", "—"]
        rows.append(row)

    header = ["tool", "what it does", "input", "docs", "MB", "docs/s (CPU)", "MB/s (CPU)",
              "docs/s (wall)", "MB/s (wall)", "dyad ÷ tool (CPU)", "dyad ÷ tool (wall)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]

    start = results["dyad-startup"]
    notes = [
        "",
        f"Medians of {args.runs} interleaved runs; MB = 10^6 input bytes (the HTML as gunzipped on disk). "
        "dyad ÷ tool = median over runs of (tool seconds ÷ dyad seconds) on the same files: "
        "how many times faster dyad is.",
        f"dyad start-up (one 40-byte document, whole process): median {med(x['cpu'] for x in start):.3f} s CPU, "
        f"{med(x['wall'] for x in start):.3f} s wall; it is included in every dyad figure above, not subtracted.",
    ]
    for name, tool, load in (("natasha-ru", "natasha", "import + Segmenter, NewsEmbedding, NewsNERTagger"),
                             ("trafilatura-html", "trafilatura", "import")):
        runs = results[name]
        notes.append(f"{tool} load ({load}; excluded above): median "
                     f"{med(x['load_cpu'] for x in runs):.2f} s CPU, {med(x['load_wall'] for x in runs):.2f} s wall.")
    notes.append("Sanity: " + "; ".join(f"{k}: {v}" for k, v in sorted(checks.items())) + ".")

    dyad_version = subprocess.run([dyad, "--version"], capture_output=True, text=True).stdout.strip()
    env = [
        "",
        f"Command: `{args.command or ' '.join(sys.argv)}`",
        f"Machine: {os.cpu_count()} cores (nproc), {cpu_model()}; "
        + (f"every measured process pinned to CPU {args.cpu} (taskset)." if prefix else "no CPU pinning."),
        f"Versions: Python {platform.python_version()}, natasha {metadata.version('natasha')}, "
        f"trafilatura {metadata.version('trafilatura')}, {dyad_version}.",
    ]
    text = "\n".join(lines + notes + env) + "\n"
    (out / "results.md").write_text(text, "utf-8")
    print(text)
    print(f"(written to {out / 'results.md'})", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run")
    run.add_argument("--dyad", required=True)
    run.add_argument("--runs", type=int, default=5)
    run.add_argument("--out", default=str(HERE / "out"))
    run.add_argument("--all", action="store_true", help="also run natasha on bg and uk (throughput only)")
    run.add_argument("--cpu", type=int, default=None, help="pin every measured process to this CPU")
    run.add_argument("--command", default="")
    work = sub.add_parser("worker")
    work.add_argument("tool", choices=["natasha", "trafilatura"])
    work.add_argument("listfile")
    args = parser.parse_args()
    if args.cmd == "worker":
        worker_main(args.tool, args.listfile)
    else:
        run_main(args)


if __name__ == "__main__":
    main()
