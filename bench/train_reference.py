#!/usr/bin/python3
"""PyTorch reference for `fragmentlab-cli bench train`: the same model (fragnet, tconv
fusion), the same input pipeline (normalisation, absolute frame difference, crop/flip/
brightness/contrast/motion-scale/temporal-jitter augmentation, rounded to 1/255 steps), the same optimiser and schedule (AdamW,
linear warm-up then cosine), the same fragments and the same thread count, in Python.

Two modes:
  cache   reads the frames from FragmentLab's frame-cache files (decoded once, uint8,
          memory-mapped), as FragmentLab does: compares the training loops alone.
  decode  decodes every video with OpenCV at the start of every epoch (resize + RGB), as
          example code that reads video inside the training loop does.

Usage (Debian: apt-get install python3-torch python3-opencv):
  fragmentlab-cli bench train DIR --epochs 5 --export-split split.json --json
  python3 bench/train_reference.py split.json --epochs 5 --mode cache
  python3 bench/train_reference.py split.json --epochs 5 --mode decode
Prints one JSON object (epoch_seconds, epoch_cpu_seconds, train_samples_per_second,
total_seconds, total_cpu_seconds, ...). CPU times are user + system of the process.
"""
import argparse
import json
import math
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_cache(path):
    with open(path, "rb") as f:
        head = f.read(128)
    if head[:8] != b"FLFCACHE":
        sys.exit(f"{path}: not a FragmentLab frame cache")
    _version, width, height, channels = struct.unpack("<IIII", head[8:24])
    (frames,) = struct.unpack("<Q", head[24:32])
    return np.memmap(path, dtype=np.uint8, mode="r", offset=128, shape=(frames, height, width, channels))


def decode_video(path, size):
    import cv2
    cap = cv2.VideoCapture(path)
    frames = []
    while True:
        ok, bgr = cap.read()
        if not ok:
            break
        small = cv2.resize(bgr, (size, size), interpolation=cv2.INTER_AREA)
        frames.append(cv2.cvtColor(small, cv2.COLOR_BGR2RGB))
    cap.release()
    return np.stack(frames)


class FragNet(nn.Module):
    """fragnet with temporal-convolution fusion, as core/ml/Networks.cpp."""

    def __init__(self, in_channels, width, feature_size, classes, dropout):
        super().__init__()
        w = width

        def unit(i, o, stride):
            return nn.Sequential(nn.Conv2d(i, o, 3, stride, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU())

        self.frame = nn.Sequential(unit(in_channels, w, 2), unit(w, 2 * w, 2), unit(2 * w, 4 * w, 2), unit(4 * w, 4 * w, 1))
        self.temporal = nn.Sequential(nn.Conv3d(4 * w, 4 * w, (3, 1, 1), 1, (1, 0, 0), bias=False), nn.BatchNorm3d(4 * w), nn.ReLU())
        self.feature = nn.Linear(4 * w, feature_size)
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(feature_size, classes)

    def forward(self, x):  # [B, T, C, H, W]
        b, t = x.shape[:2]
        y = self.frame(x.reshape(b * t, *x.shape[2:]))
        y = y.reshape(b, t, *y.shape[1:]).permute(0, 2, 1, 3, 4)
        y = self.temporal(y).mean(dim=(2, 3, 4))
        feature = F.relu(self.feature(y))
        return self.classifier(self.dropout(feature))


def model_input(u8, mean, std, diff, augment, rng, settings):
    x = torch.from_numpy(u8).permute(0, 1, 4, 2, 3).float().div_(255.0)  # [B, T, 3, H, W]
    if augment:
        a = settings["augmentation"]
        h, w = x.shape[3], x.shape[4]
        samples = []
        for s in x:
            crop = rng.random() < a["crop_probability"]
            scale = a["min_crop_scale"] + (1.0 - a["min_crop_scale"]) * rng.random()
            cx, cy = rng.random(), rng.random()
            if crop and scale < 0.999:
                ch, cw = max(4, round(scale * h)), max(4, round(scale * w))
                y0, x0 = round(cy * (h - ch)), round(cx * (w - cw))
                s = F.interpolate(s[:, :, y0:y0 + ch, x0:x0 + cw], size=(h, w), mode="bilinear", align_corners=False)
            if a["horizontal_flip"] and rng.random() < 0.5:
                s = s.flip(3)
            brightness = a["brightness"] * (2 * rng.random() - 1)
            contrast = 1 + a["contrast"] * (2 * rng.random() - 1)
            m = s.mean()
            s = ((s - m) * contrast + m + brightness).clamp(0, 1)
            motion_scale = a.get("motion_scale", 0.0)
            if motion_scale > 0:
                first = s[:1]
                s = first + (s - first) * (motion_scale + (1.0 - motion_scale) * rng.random())
            samples.append(s.mul(255.0).round().div(255.0))
        x = torch.stack(samples)
    x = (x - mean) / std
    if diff:
        grey = x.mean(2, keepdim=True)
        d = (grey[:, 1:] - grey[:, :-1]).abs()
        x = torch.cat([x, torch.cat([d[:, :1], d], 1)], 2)
    return x.contiguous()


def macro_f1(truth, pred, k):
    f1s = []
    for c in range(k):
        tp = sum(1 for t, p in zip(truth, pred) if t == c and p == c)
        support = sum(1 for t in truth if t == c)
        predicted = sum(1 for p in pred if p == c)
        if support == 0 and predicted == 0:
            continue
        prec = tp / predicted if predicted else 0.0
        rec = tp / support if support else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", help="JSON written by fragmentlab-cli bench train --export-split")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--mode", choices=["cache", "decode"], default="cache")
    args = ap.parse_args()
    start = time.perf_counter()
    cpu_start = time.process_time()
    spec = json.load(open(args.split))
    settings = spec["settings"]
    torch.set_num_threads(int(spec["threads"]))
    torch.manual_seed(int(settings["seed"]))
    rng = np.random.default_rng(int(settings["seed"]))
    size = spec["input_size"]
    length, step = spec["fragment"]["length"], spec["fragment"]["step"]
    classes = spec["classes"]
    train, validation = spec["train"], spec["validation"]
    frames = [read_cache(v["cache"]) for v in spec["videos"]] if args.mode == "cache" else None

    def fragment_frames(video_frames, fragments, jitter):
        starts = []
        for video, first, lo, hi, _label in fragments:
            if jitter:
                j = settings["augmentation"]["temporal_jitter"]
                first = min(max(first + int(rng.integers(-j, j + 1)), lo), hi)
            starts.append(video_frames[video][first:first + (length - 1) * step + 1:step])
        return np.stack(starts)

    # Normalisation from the training frames (as Trainer::computeNormalization).
    norm_frames = frames if frames is not None else [decode_video(v["video"], size) for v in spec["videos"]]
    picked = sorted({(v, f + t * step) for v, f, _lo, _hi, _l in train for t in range(length)})
    take = min(len(picked), 2048)
    sample = np.stack([norm_frames[v][f] for v, f in (picked[k * len(picked) // take] for k in range(take))]).astype(np.float64) / 255
    mean = torch.tensor(sample.mean(axis=(0, 1, 2)), dtype=torch.float32).view(1, 1, 3, 1, 1)
    std = torch.tensor(np.maximum(sample.std(axis=(0, 1, 2)), 1e-3), dtype=torch.float32).view(1, 1, 3, 1, 1)
    del norm_frames

    diff = settings["frame_difference"]
    model = FragNet(4 if diff else 3, settings["width"], settings["feature_size"], len(classes), settings["dropout"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=settings["learning_rate"], weight_decay=settings["weight_decay"])
    counts = np.bincount([f[4] for f in train], minlength=len(classes))
    weights = torch.tensor([len(train) / (len(classes) * c) if c else 0.0 for c in counts], dtype=torch.float32)
    batch = settings["batch_size"]
    steps = math.ceil(len(train) / batch)
    total = steps * args.epochs
    warmup = round(settings["warmup_fraction"] * total)
    peak = settings["learning_rate"]
    global_step = 0
    epoch_seconds, train_seconds = [], 0.0
    cpu_epochs = time.process_time()
    for epoch in range(args.epochs):
        t0 = time.perf_counter()
        if args.mode == "decode":
            frames = [decode_video(v["video"], size) for v in spec["videos"]]
        model.train()
        order = rng.permutation(len(train))
        t_train = time.perf_counter()
        for s in range(steps):
            idx = order[s * batch:(s + 1) * batch]
            chosen = [train[i] for i in idx]
            x = model_input(fragment_frames(frames, chosen, True), mean, std, diff, True, rng, settings)
            y = torch.tensor([f[4] for f in chosen])
            if global_step < warmup:
                lr = peak * (0.1 + 0.9 * global_step / max(1, warmup))
            else:
                lr = peak * (0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * min(1.0, (global_step - warmup) / max(1, total - warmup)))))
            for g in optimizer.param_groups:
                g["lr"] = lr
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x), y, weight=weights)
            loss.backward()
            optimizer.step()
            global_step += 1
        train_seconds += time.perf_counter() - t_train
        model.eval()
        preds = []
        with torch.no_grad():
            for s in range(0, len(validation), 2 * batch):
                chosen = validation[s:s + 2 * batch]
                x = model_input(fragment_frames(frames, chosen, False), mean, std, diff, False, rng, settings)
                preds += model(x).argmax(1).tolist()
        f1 = macro_f1([f[4] for f in validation], preds, len(classes))
        epoch_seconds.append(time.perf_counter() - t0)
        print(f"epoch {epoch + 1}/{args.epochs}: validation macro-F1 {f1:.3f} ({epoch_seconds[-1]:.2f} s)", file=sys.stderr)
    print(json.dumps({
        "mode": args.mode,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "train_fragments": len(train),
        "epochs": args.epochs,
        "epoch_seconds": sum(epoch_seconds) / len(epoch_seconds),
        "epoch_cpu_seconds": (time.process_time() - cpu_epochs) / args.epochs,
        "train_samples_per_second": len(train) * args.epochs / train_seconds,
        "total_seconds": time.perf_counter() - start,
        "total_cpu_seconds": time.process_time() - cpu_start,
    }, indent=2))


if __name__ == "__main__":
    main()
