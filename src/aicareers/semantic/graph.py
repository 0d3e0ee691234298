"""Write the BERT encoder of all-MiniLM-L6-v2 as an ONNX graph, straight from its weights."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import onnx
    from numpy.typing import NDArray

    Weights = Mapping[str, NDArray[np.float32]]

OPSET = 17  # first opset with LayerNormalization; onnxruntime fuses the rest itself
INPUTS = ("input_ids", "attention_mask")
OUTPUT = "sentence_embedding"


@dataclass(frozen=True)
class BertShape:
    """The few numbers of a BERT config.json that shape the graph."""

    hidden: int
    heads: int
    layers: int
    eps: float

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> BertShape:
        """Read the shape from a Hugging Face BERT config, refusing what we cannot build."""
        if config.get("hidden_act") != "gelu" or config.get("model_type") != "bert":
            raise ValueError("only BERT models with exact GELU are supported")
        if config.get("position_embedding_type", "absolute") != "absolute":
            raise ValueError("only absolute position embeddings are supported")
        return cls(
            hidden=int(config["hidden_size"]),
            heads=int(config["num_attention_heads"]),
            layers=int(config["num_hidden_layers"]),
            eps=float(config["layer_norm_eps"]),
        )


class _GraphWriter:
    """Collects nodes and initializers under unique names."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.inits: list[onnx.TensorProto] = []
        self._count = 0

    def const(self, name: str, value: Any, dtype: Any = None) -> str:
        """Add a constant tensor (numpy array or scalar) and return its name."""
        import numpy as np
        from onnx import numpy_helper

        array = np.ascontiguousarray(np.asarray(value, dtype=dtype))
        self.inits.append(numpy_helper.from_array(array, name))
        return name

    def op(self, op_type: str, inputs: list[str], name: str = "", **attrs: Any) -> str:
        """Add one node with a single output and return that output's name."""
        from onnx import helper

        self._count += 1
        node_name = name or f"{op_type}_{self._count}"
        self.nodes.append(helper.make_node(op_type, inputs, [node_name], node_name, **attrs))
        return node_name

    def linear(self, x: str, weights: Weights, prefix: str) -> str:
        """x @ W.T + b, with W stored transposed so the MatMul's B is a plain constant."""
        w = self.const(f"{prefix}.weight_t", weights[f"{prefix}.weight"].T)
        b = self.const(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return self.op("Add", [self.op("MatMul", [x, w], name=f"{prefix}.matmul"), b])

    def layer_norm(self, x: str, weights: Weights, prefix: str, eps: float) -> str:
        """LayerNormalization over the last axis with the given prefix's gamma and beta."""
        gamma = self.const(f"{prefix}.weight", weights[f"{prefix}.weight"])
        beta = self.const(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return self.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=eps)


def _embeddings(g: _GraphWriter, w: Weights, shape: BertShape) -> str:
    """Word + position + token-type embeddings, then LayerNorm."""
    import numpy as np

    words = g.op(
        "Gather", [g.const("word_embeddings", w["embeddings.word_embeddings.weight"]), "input_ids"]
    )
    # Every input is a single segment, so token type 0 folds into the position table.
    segment = w["embeddings.token_type_embeddings.weight"][0]
    table = w["embeddings.position_embeddings.weight"] + segment
    seq_len = g.op("Shape", ["input_ids"], start=1, end=2)
    zero = g.const("zero", [0], np.int64)
    pos = g.op("Slice", [g.const("position_embeddings", table), zero, seq_len, zero])
    return g.layer_norm(g.op("Add", [words, pos]), w, "embeddings.LayerNorm", shape.eps)


def _attention(g: _GraphWriter, x: str, bias: str, w: Weights, p: str, shape: BertShape) -> str:
    """Multi-head self-attention of one layer, before its output projection."""
    import numpy as np

    head_dim = shape.hidden // shape.heads
    split = g.const(f"{p}.split_shape", [0, 0, shape.heads, head_dim], np.int64)

    def heads(name: str, perm: list[int]) -> str:
        return g.op(
            "Transpose", [g.op("Reshape", [g.linear(x, w, f"{p}.{name}"), split])], perm=perm
        )

    q, k, v = heads("query", [0, 2, 1, 3]), heads("key", [0, 2, 3, 1]), heads("value", [0, 2, 1, 3])
    scale = g.const(f"{p}.scale", math.sqrt(head_dim), np.float32)
    scores = g.op("Add", [g.op("Div", [g.op("MatMul", [q, k]), scale]), bias])
    context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
    merged = g.const(f"{p}.merge_shape", [0, 0, shape.hidden], np.int64)
    return g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), merged])


def _gelu(g: _GraphWriter, x: str) -> str:
    """Exact (erf) GELU in the node pattern onnxruntime fuses into one Gelu kernel."""
    import numpy as np

    root2 = g.const(f"{x}.sqrt2", math.sqrt(2.0), np.float32)
    one = g.const(f"{x}.one", 1.0, np.float32)
    half = g.const(f"{x}.half", 0.5, np.float32)
    erf = g.op("Add", [g.op("Erf", [g.op("Div", [x, root2])]), one])
    return g.op("Mul", [g.op("Mul", [x, erf]), half])


def _layer(g: _GraphWriter, x: str, bias: str, w: Weights, i: int, shape: BertShape) -> str:
    """One encoder layer: attention, residual, LayerNorm, GELU feed-forward, residual, LayerNorm."""
    p = f"encoder.layer.{i}"
    attn = g.linear(
        _attention(g, x, bias, w, f"{p}.attention.self", shape), w, f"{p}.attention.output.dense"
    )
    x = g.layer_norm(g.op("Add", [attn, x]), w, f"{p}.attention.output.LayerNorm", shape.eps)
    ffn = g.linear(_gelu(g, g.linear(x, w, f"{p}.intermediate.dense")), w, f"{p}.output.dense")
    return g.layer_norm(g.op("Add", [ffn, x]), w, f"{p}.output.LayerNorm", shape.eps)


def _mean_pool_normalise(g: _GraphWriter, x: str, mask: str) -> str:
    """Mean over unmasked tokens, then L2 normalise (sentence-transformers Pooling + Normalize)."""
    import numpy as np

    axis1 = g.const("axis1", [1], np.int64)
    m = g.op("Unsqueeze", [mask, g.const("axis2", [2], np.int64)])
    summed = g.op("ReduceSum", [g.op("Mul", [x, m]), axis1], keepdims=0)
    count = g.op(
        "Max", [g.op("ReduceSum", [m, axis1], keepdims=0), g.const("min_count", 1e-9, np.float32)]
    )
    mean = g.op("Div", [summed, count])
    norm = g.op(
        "Max",
        [g.op("ReduceL2", [mean], axes=[1], keepdims=1), g.const("min_norm", 1e-12, np.float32)],
    )
    return g.op("Div", [mean, norm], name=OUTPUT)


def bert_sentence_graph(weights: Weights, config: Mapping[str, Any]) -> onnx.ModelProto:
    """Build the fp32 graph: token ids and mask in, L2-normalised mean-pooled embedding out."""
    import numpy as np
    from onnx import TensorProto, checker, helper

    shape = BertShape.from_config(config)
    g = _GraphWriter()
    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    keep = g.op("Unsqueeze", [mask, g.const("axes12", [1, 2], np.int64)])
    # Padded keys get a large negative score, as in BERT's extended attention mask.
    bias = g.op(
        "Mul",
        [
            g.op("Sub", [g.const("f_one", 1.0, np.float32), keep]),
            g.const("mask_fill", -10000.0, np.float32),
        ],
    )
    x = _embeddings(g, weights, shape)
    for i in range(shape.layers):
        x = _layer(g, x, bias, weights, i, shape)
    out = _mean_pool_normalise(g, x, mask)
    graph = helper.make_graph(
        g.nodes,
        "minilm_sentence_encoder",
        [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "seq"]) for n in INPUTS],
        [helper.make_tensor_value_info(out, TensorProto.FLOAT, ["batch", shape.hidden])],
        g.inits,
    )
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="aicareers"
    )
    model.ir_version = 8  # readable by every onnxruntime since 1.10
    checker.check_model(model)
    return model
