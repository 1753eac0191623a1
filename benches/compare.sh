#!/usr/bin/env bash
# Times the whole process of letterlint against the prose linters a user
# might pick instead, on one letter and on 1,000 generated letters in one
# invocation, with `wc -w` over the same files as the floor. Prints a table
# of medians with each tool's ratio to letterlint, then letterlint's peak
# memory on the 1,000-letter run.
#
#   bash benches/compare.sh            # N=1000 letters, results in target/compare/
#   N=200 RUNS=3 bash benches/compare.sh
#   BASELINE=/path/to/old/letterlint bash benches/compare.sh   # adds a row for it
#
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time),
# python3 with venv, and npm. The peers (proselint from PyPI, write-good and
# alex from npm) are installed into target/peers, never globally.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000}
RUNS=${RUNS:-3}
OUT=target/compare
PEERS=target/peers
LETTERLINT=target/release/letterlint

for tool in hyperfine /usr/bin/time python3 npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "error: $tool is missing (Debian: apt-get install hyperfine time python3-venv npm)" >&2
        exit 2
    fi
done

echo "== building letterlint and $N letters" >&2
cargo build --release --quiet
cargo build --release --quiet --example gen_letters
rm -rf "$OUT/letters"
target/release/examples/gen_letters "$OUT/letters" "$N" 1
mapfile -t LETTERS < <(ls "$OUT"/letters/*)
ONE=examples/strong.md

echo "== installing peers into $PEERS" >&2
mkdir -p "$PEERS"
if [ ! -x "$PEERS/venv/bin/proselint" ]; then
    python3 -m venv "$PEERS/venv"
    "$PEERS/venv/bin/pip" install --quiet proselint
fi
if [ ! -x "$PEERS/npm/node_modules/.bin/alex" ]; then
    npm install --silent --no-audit --no-fund --prefix "$PEERS/npm" write-good alex >&2
fi
PROSELINT="$PEERS/venv/bin/proselint check"
WRITE_GOOD="$PEERS/npm/node_modules/.bin/write-good"
ALEX="$PEERS/npm/node_modules/.bin/alex"

# name|command prefix; each is given the letters as arguments.
TOOLS=(
    "letterlint|$LETTERLINT"
    "letterlint --format json|$LETTERLINT --format json"
    "proselint|$PROSELINT"
    "write-good|$WRITE_GOOD"
    "alex|$ALEX"
    "wc -w (floor)|wc -w"
)
# Once letterlint lints in parallel, show one thread beside the default.
if "$LETTERLINT" --help | grep -q -- '--threads'; then
    TOOLS=("${TOOLS[0]}" "letterlint --threads 1|$LETTERLINT --threads 1" "${TOOLS[@]:1}")
fi
if [ -n "${BASELINE:-}" ]; then
    TOOLS=("${TOOLS[@]:0:1}" "letterlint (baseline)|$BASELINE" "${TOOLS[@]:1}")
fi

mkdir -p "$OUT"
version() { "$@" 2>/dev/null | head -n 1 || true; }
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores)"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "letters: $N, $(cat "${LETTERS[@]}" | wc -c) bytes, $(cat "${LETTERS[@]}" | wc -w) words"
    echo "one letter: $ONE, $(wc -c <"$ONE") bytes"
    echo "proselint $(version "$PEERS/venv/bin/proselint" version | awk '{print $2}')," \
        "write-good $(node -p "require('./$PEERS/npm/node_modules/write-good/package.json').version")," \
        "alex $(node -p "require('./$PEERS/npm/node_modules/alex/package.json').version")," \
        "hyperfine $(hyperfine --version | awk '{print $2}')"
} | tee "$OUT/machine.txt" >&2

bench() { # scenario, runs, files...
    local scenario=$1 runs=$2
    shift 2
    local args=()
    for entry in "${TOOLS[@]}"; do
        args+=(--command-name "${entry%%|*}" "${entry#*|} $*")
    done
    echo "== $scenario" >&2
    hyperfine --shell=none --ignore-failure --warmup 1 --runs "$runs" \
        --export-json "$OUT/$scenario.json" "${args[@]}" >&2
}
bench one 30 "$ONE"
bench many "$RUNS" "${LETTERS[@]}"

echo "== peak memory, $N letters" >&2
/usr/bin/time -v "$LETTERLINT" "${LETTERS[@]}" >/dev/null 2>"$OUT/time-v.txt" || true
PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-v.txt")

python3 - "$OUT" "$N" "$PEAK_KB" <<'EOF'
import json, sys
out, n, peak_kb = sys.argv[1], sys.argv[2], int(sys.argv[3])
def medians(name):
    with open(f"{out}/{name}.json") as f:
        return {r["command"]: r["median"] for r in json.load(f)["results"]}
one, many = medians("one"), medians("many")
def cell(seconds, base):
    ms = seconds * 1000
    text = f"{ms:.1f} ms" if ms < 1000 else f"{seconds:.2f} s"
    return f"{text} ({seconds / base:.2f}x)"
rows = [f"| tool | one letter | {n} letters |", "|---|---|---|"]
for tool in one:
    rows.append(f"| {tool} | {cell(one[tool], one['letterlint'])} | {cell(many[tool], many['letterlint'])} |")
rows.append("")
rows.append(f"Medians; in brackets, the time relative to letterlint's. letterlint peak memory, {n} letters: {peak_kb / 1024:.1f} MiB.")
print("\n".join(rows))
EOF
