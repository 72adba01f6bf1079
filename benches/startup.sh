#!/usr/bin/env bash
# Start-up and memory of the real app, as whole processes in a private X display.
#
# Times `harvest FILE --exit-after-frames N` on the bundled sample workshop and on a
# generated 10,000-card session against `examples/blank_window.rs` (an empty eframe window
# built with the same features, glow renderer and window options) with the same N, then
# reports the peak memory (max RSS) of each with N=30.
#
#   benches/startup.sh            # N=1: start-up to the first painted frame
#   FRAMES=10 RUNS=30 benches/startup.sh
#
# Needs Xvfb (apt-get install xvfb) and GNU time (apt-get install time); uses hyperfine
# (apt-get install hyperfine; jq for its table of medians) when it is there, otherwise a
# plain loop and the median.
# Rendering in Xvfb is Mesa's software renderer (llvmpipe), so painting is slower than on a
# GPU; both programs pay it alike. No window manager runs, so the window never has focus.
set -euo pipefail

cd "$(dirname "$0")/.."
FRAMES="${FRAMES:-1}"
RUNS="${RUNS:-20}"
MEMORY_FRAMES="${MEMORY_FRAMES:-30}"

cargo build --release --quiet --bin harvest --example blank_window --example generate
harvest=target/release/harvest
blank=target/release/examples/blank_window

work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
    if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Harvest remembers the last session in its data folder: keep that out of the real one.
export HARVEST_DATA_DIR="$work/data"
cp assets/sample-workshop.ron "$work/sample.ron"
target/release/examples/generate --groups 200 --cards 10000 --themes 40 --out "$work/big.ron"

display=""
for n in $(seq 120 199); do
    if [[ ! -e "/tmp/.X$n-lock" && ! -e "/tmp/.X11-unix/X$n" ]]; then display=":$n"; break; fi
done
if [[ -z "$display" ]]; then echo "no free X display number" >&2; exit 1; fi
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [[ -e "/tmp/.X11-unix/X${display#:}" ]] && break; sleep 0.1; done
export DISPLAY="$display"

blank_cmd="$blank --exit-after-frames $FRAMES"
sample_cmd="$harvest $work/sample.ron --exit-after-frames $FRAMES"
big_cmd="$harvest $work/big.ron --exit-after-frames $FRAMES"

echo
echo "## Start-up: whole process to exit after $FRAMES frame(s), $RUNS runs each"
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs "$RUNS" --style basic \
        --export-json "$work/startup.json" \
        -n blank "$blank_cmd" -n sample "$sample_cmd" -n "10k cards" "$big_cmd"
    echo
    echo "| program | median | min | max | median ÷ blank's |"
    echo "|---|---:|---:|---:|---:|"
    if command -v jq >/dev/null; then
        jq -r '(.results[0].median) as $blank | .results[]
            | "| \(.command) | \(.median * 1000 | round) ms | \(.min * 1000 | round) ms "
              + "| \(.max * 1000 | round) ms | \(.median / $blank * 100 | round / 100)× |"' \
            "$work/startup.json"
    fi
else
    median_ms() {
        local times=()
        for _ in $(seq "$RUNS"); do
            local start end
            start=$(date +%s%N)
            $1 >/dev/null 2>&1
            end=$(date +%s%N)
            times+=($(((end - start) / 1000000)))
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
    }
    for name in blank sample big; do
        cmd="${name}_cmd"
        echo "$name: median $(median_ms "${!cmd}") ms"
    done
fi

echo
echo "## Peak memory (max RSS) after $MEMORY_FRAMES frames"
for name in blank sample big; do
    case "$name" in
        blank) cmd=("$blank" --exit-after-frames "$MEMORY_FRAMES") ;;
        sample) cmd=("$harvest" "$work/sample.ron" --exit-after-frames "$MEMORY_FRAMES") ;;
        big) cmd=("$harvest" "$work/big.ron" --exit-after-frames "$MEMORY_FRAMES") ;;
    esac
    /usr/bin/time -v "${cmd[@]}" 2>"$work/time.txt" >/dev/null
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    echo "$name: $((rss / 1024)) MB"
done
