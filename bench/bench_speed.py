"""End-to-end speed of `flashpoint code` on real news: the open GVA articles (../shared/data/gva).

Runs the installed `flashpoint` command on a JSONL corpus of the articles (written to a temp file), the way a user
would, start-up included, and reports sentences/s, stories/s and peak memory (max RSS of the child process); then
times `flashpoint --help` (best of 5).

    python bench/bench_speed.py [--model encoder|fast|rules] [--workers N] [--limit N] [--repeat K]

Peak memory is the largest single process (the main one or a worker): workers are forked from the main process and
share its tables copy-on-write, so their sum overstates what the run uses.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gva" / "incidents.dev.jsonl.gz"


def corpus(repeat: int) -> list[dict]:
    stories = []
    with gzip.open(DATA, "rt") as f:
        for line in f:
            incident = json.loads(line)
            for doc in incident.get("docs") or []:
                if doc.get("content"):
                    date = (doc.get("dct") or "")[:10] or None
                    stories.append({"id": doc.get("id") or doc.get("uri"), "text": doc["content"], "date": date})
    return [dict(s, id=f"{s['id']}-{k}") for k in range(repeat) for s in stories]


def command() -> list[str]:
    exe = shutil.which("flashpoint")
    return [exe] if exe else [sys.executable, "-m", "flashpoint"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--model", choices=["encoder", "fast", "rules"], default="encoder")
    parser.add_argument("--workers", type=int, default=None, help="coding processes (default: the command's own)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA.parent.parent} not found")
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from flashpoint.pipeline import Pipeline
    from flashpoint.text.readers import story_from_text

    stories = corpus(args.repeat)
    if args.limit:
        stories = stories[: args.limit]
    # Count sentences with the pipeline's own splitter (the same work the command does).
    splitter = Pipeline().get("sentences")
    sentences = sum(len(splitter(story_from_text(s["text"], date=s["date"])).sentences) for s in stories)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gva.jsonl"
        path.write_text("".join(json.dumps(s) + "\n" for s in stories))
        start = time.perf_counter()
        flags = {"encoder": ["--model", "encoder"], "fast": ["--fast"], "rules": ["--model", "rules"]}[args.model]
        if args.workers:
            flags += ["--workers", str(args.workers)]
        out = subprocess.run([*command(), "code", str(path), *flags], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        events = out.stdout.count("\n")
        if out.returncode not in (0, 1):  # 1: some input skipped; anything else: the run itself failed
            print(f"flashpoint code failed (exit status {out.returncode}):\n{out.stderr[-2000:]}")
            return 1
    help_times = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([*command(), "--help"], capture_output=True, env=dict(os.environ))
        help_times.append(time.perf_counter() - t)

    print(f"corpus: {len(stories)} GVA news articles, {sentences} sentences, model {args.model} "
          f"workers {args.workers or 'default'} (exit status {out.returncode})")
    print(f"{'metric':<28}{'value':>12}")
    print(f"{'wall time (s)':<28}{seconds:>12.2f}")
    print(f"{'sentences/s':<28}{sentences / seconds:>12.0f}")
    print(f"{'stories/s':<28}{len(stories) / seconds:>12.1f}")
    print(f"{'events':<28}{events:>12}")
    print(f"{'peak memory (MB)':<28}{peak_mb:>12.0f}")
    print(f"{'flashpoint --help (s)':<28}{min(help_times):>12.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
