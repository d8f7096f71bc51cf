#!/usr/bin/env bash
# Download benchmark: the Core downloader against curl, files served by nginx on 127.0.0.1.
#   bench/download/run.sh                 # 1 GiB file + 100 x 10 MiB, 3 runs each, best run reported
#   REPS=5 PARALLEL=8 bench/download/run.sh
# Needs root for apt-get when nginx or curl is missing. Cleans up after itself (nginx stopped, files deleted).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPS="${REPS:-3}"
PARALLEL="${PARALLEL:-4}"
BIG_MIB="${BIG_MIB:-1024}"
MEDIUM_MIB="${MEDIUM_MIB:-64}"
BATCH_FILES="${BATCH_FILES:-100}"
BATCH_MIB="${BATCH_MIB:-10}"
BUFFER_KIB="${BUFFER_KIB:-default}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }; }; }
need nginx nginx
need curl curl
need sha256sum coreutils

# tmpfs when it has room, so disk noise from other work on the machine does not swamp the figures.
BASE=/tmp
if [ "$(df --output=avail -k /dev/shm 2>/dev/null | tail -1)" -gt $(( (BIG_MIB + BATCH_FILES * BATCH_MIB) * 2 * 1024 + 1048576 )) ] 2>/dev/null; then BASE=/dev/shm; fi
WORK="$(mktemp -d "$BASE/cr-bench-download.XXXXXX")"
DATA="$WORK/data"; OUT="$WORK/out"; NGINX="$WORK/nginx"
mkdir -p "$DATA/batch" "$OUT" "$NGINX"

cleanup() {
  if [ -f "$NGINX/nginx.pid" ]; then kill "$(cat "$NGINX/nginx.pid")" 2>/dev/null || true; sleep 0.2; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "== generating files in $WORK"
head -c $((BIG_MIB * 1048576)) /dev/urandom > "$DATA/big.bin"
head -c $((MEDIUM_MIB * 1048576)) /dev/urandom > "$DATA/medium.bin"
head -c 1048576 /dev/urandom > "$DATA/warmup.bin"
for i in $(seq -f '%03g' 1 "$BATCH_FILES"); do head -c $((BATCH_MIB * 1048576)) /dev/urandom > "$DATA/batch/f$i.bin"; done
(cd "$DATA" && sha256sum big.bin medium.bin batch/*.bin > "$WORK/expected.sha256")
# nginx workers run as an unprivileged user: mktemp made the tree private.
chmod 755 "$WORK" "$DATA" "$DATA/batch"; chmod 644 "$DATA"/*.bin "$DATA"/batch/*.bin

echo "== building the bench client (Release)"
dotnet build "$HERE/CometRunway.Bench.Download/CometRunway.Bench.Download.csproj" -c Release -o "$WORK/bin" -nologo -v q >/dev/null
BENCH=("$WORK/bin/CometRunway.Bench.Download")

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
sed -e "s|@ROOT@|$DATA|g" -e "s|@PREFIX@|$NGINX|g" -e "s|@PORT@|$PORT|g" "$HERE/nginx.conf.template" > "$NGINX/nginx.conf"
nginx -c "$NGINX/nginx.conf" -p "$NGINX" -e "$NGINX/error.log"
BASEURL="http://127.0.0.1:$PORT"
for _ in $(seq 50); do curl -sf -o /dev/null "$BASEURL/medium.bin" -r 0-0 && break; sleep 0.1; done
echo "== nginx $(nginx -v 2>&1 | sed 's/.*\///') on $BASEURL, $(nproc) cores, parallel=$PARALLEL, best of $REPS"

verify() { # verify <dir> <names...>: outputs byte-identical to the sources
  local dir="$1"; shift
  for name in "$@"; do
    local want; want="$(grep " $name\$" "$WORK/expected.sha256" | cut -d' ' -f1)"
    local got; got="$(sha256sum "$dir/$(basename "$name")" | cut -d' ' -f1)"
    [ "$want" = "$got" ] || { echo "MISMATCH $name" >&2; exit 1; }
  done
}

now() { date +%s.%N; }
declare -A BEST_CORE BEST_CURL PEAK_CORE PEAK_CURL BYTES

run_case() { # run_case <label> <names...>
  local label="$1"; shift
  local names=("$@")
  printf '%s\n' "${names[@]/#/$BASEURL/}" > "$WORK/urls.txt"
  : > "$WORK/curl.cfg"
  for name in "${names[@]}"; do printf 'url = "%s/%s"\noutput = "%s/%s"\n' "$BASEURL" "$name" "$OUT" "$(basename "$name")" >> "$WORK/curl.cfg"; done
  BEST_CORE[$label]=0; BEST_CURL[$label]=0; PEAK_CORE[$label]=0; PEAK_CURL[$label]=0
  for rep in $(seq "$REPS"); do
    rm -rf "$OUT"; mkdir -p "$OUT"
    local line; line="$("${BENCH[@]}" "$OUT" "$PARALLEL" "$WORK/urls.txt" "$BUFFER_KIB" "$BASEURL/warmup.bin")"
    local bytes seconds peak
    bytes="$(sed -E 's/^bytes=([0-9]+).*/\1/' <<<"$line")"; seconds="$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")"
    peak="$(sed -E 's/.*peak_rss_kib=([0-9]+).*/\1/' <<<"$line")"
    BYTES[$label]="$bytes"
    local rate; rate="$(awk -v b="$bytes" -v s="$seconds" 'BEGIN{printf "%.1f", b/s/1048576}')"
    echo "   core  $label run $rep: $rate MiB/s ($line)"
    awk -v r="$rate" -v b="${BEST_CORE[$label]}" 'BEGIN{exit !(r>b)}' && BEST_CORE[$label]="$rate"
    [ "$peak" -gt "${PEAK_CORE[$label]}" ] && PEAK_CORE[$label]="$peak"
    [ "$rep" = "$REPS" ] && verify "$OUT" "${names[@]}"

    rm -rf "$OUT"; mkdir -p "$OUT"
    local start end
    start="$(now)"
    if [ "${#names[@]}" -gt 1 ]; then
      /usr/bin/time -f '%M' -o "$WORK/curl.mem" curl -s --no-progress-meter --fail --parallel --parallel-max "$PARALLEL" -K "$WORK/curl.cfg"
    else
      /usr/bin/time -f '%M' -o "$WORK/curl.mem" curl -s --no-progress-meter --fail -K "$WORK/curl.cfg"
    fi
    end="$(now)"
    rate="$(awk -v b="$bytes" -v s="$(awk -v a="$start" -v e="$end" 'BEGIN{print e-a}')" 'BEGIN{printf "%.1f", b/s/1048576}')"
    echo "   curl  $label run $rep: $rate MiB/s"
    awk -v r="$rate" -v b="${BEST_CURL[$label]}" 'BEGIN{exit !(r>b)}' && BEST_CURL[$label]="$rate"
    peak="$(tail -1 "$WORK/curl.mem")"; [ "$peak" -gt "${PEAK_CURL[$label]}" ] && PEAK_CURL[$label]="$peak"
    [ "$rep" = "$REPS" ] && verify "$OUT" "${names[@]}"
  done
  rm -rf "$OUT"
}

echo "== single file ${MEDIUM_MIB} MiB (memory baseline)"; run_case "1x${MEDIUM_MIB}MiB" medium.bin
echo "== single file ${BIG_MIB} MiB"; run_case "1x${BIG_MIB}MiB" big.bin
mapfile -t BATCH < <(cd "$DATA" && ls batch/*.bin)
echo "== batch ${BATCH_FILES} x ${BATCH_MIB} MiB"; run_case "${BATCH_FILES}x${BATCH_MIB}MiB" "${BATCH[@]}"

echo
echo "All outputs verified byte-identical (sha256sum) on the last run of each tool."
printf '%-14s %12s %12s %7s %15s %15s\n' case "core MiB/s" "curl MiB/s" ratio "core peak RSS" "curl peak RSS"
for label in "1x${MEDIUM_MIB}MiB" "1x${BIG_MIB}MiB" "${BATCH_FILES}x${BATCH_MIB}MiB"; do
  printf '%-14s %12s %12s %7s %12s MiB %12s MiB\n' "$label" "${BEST_CORE[$label]}" "${BEST_CURL[$label]}" \
    "$(awk -v a="${BEST_CORE[$label]}" -v b="${BEST_CURL[$label]}" 'BEGIN{printf "%.2fx", a/b}')" \
    "$(( PEAK_CORE[$label] / 1024 ))" "$(( PEAK_CURL[$label] / 1024 ))"
done
echo "(core: time inside the process for the downloads only, after one untimed 1 MiB warm-up download (JIT, connection);"
echo " curl: wall time of the curl process; peak RSS = VmHWM of the process / GNU time %M)"
