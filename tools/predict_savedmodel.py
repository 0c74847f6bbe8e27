#!/usr/bin/env python3
"""Load a graph-runner SavedModel with TensorFlow for Python and measure its test accuracy.

    python3 tools/predict_savedmodel.py models/fc5-relu-decay/1 --data-dir DIR

DIR holds t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, raw or gzipped (.gz). Nothing from
graph-runner is imported: the model is called through its serving_default signature only.

TensorFlow versions: needs TensorFlow for Python 2.x (`tf.saved_model.load` and `.signatures`
are the 2.x API; TF 1.x Python is not supported by this script). The exported graph itself is
proved to load and serve the run's accuracy in the TensorFlow runtimes 2.18.0 (TF Java 1.1.0),
2.4.1 (TF Java 0.3.3) and 1.15.0 (TF Java 1.15.0), see tools/compat; so TF for Python 2.4 to 2.18
is expected to work. This script has not been run here (no TensorFlow for Python on our machines).
"""
import argparse
import gzip
import os
import struct

import numpy as np
import tensorflow as tf


def read_idx(data_dir, name):
    """The array in IDX file `name` of `data_dir`, raw or with a .gz suffix."""
    raw = os.path.join(data_dir, name)
    path = raw if os.path.exists(raw) else raw + ".gz"
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        _zero, _dtype, dims = struct.unpack(">HBB", f.read(4))
        shape = struct.unpack(">" + "I" * dims, f.read(4 * dims))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(shape)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", help="a SavedModel version directory, e.g. models/cnn/1")
    parser.add_argument("--data-dir", required=True, help="folder with the t10k IDX files")
    args = parser.parse_args()

    images = read_idx(args.data_dir, "t10k-images-idx3-ubyte")
    labels = read_idx(args.data_dir, "t10k-labels-idx1-ubyte")
    x = (images.astype(np.float32) / 255.0).reshape(-1, 28, 28, 1)

    model = tf.saved_model.load(args.model)
    serve = model.signatures["serving_default"]
    predicted = np.concatenate([
        serve(images=tf.constant(x[i:i + 1000]))["classes"].numpy()
        for i in range(0, len(x), 1000)])
    accuracy = float(np.mean(predicted == labels))
    print(f"test accuracy {accuracy:.4f} ({int(np.sum(predicted == labels))} of {len(labels)})")


if __name__ == "__main__":
    main()
