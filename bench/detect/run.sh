#!/bin/sh
# Detection throughput against grep, and peak memory as the corpus grows.
#
#   bench/detect/run.sh [WORKDIR]      (from the repository root; WORKDIR
#                                       defaults to /tmp/zicht-bench-detect)
#
# Generates corpora of 50, 200 and 500 MB (bench/detect/main.go) and exports
# the lexicon's terms. On the 200 MB corpus it then runs, in turns, three
# times each: grep -F -i -w -c -f TERMS in the C locale, and detect.Scan with
# GOMAXPROCS=1 streaming documents from disk; throughput is MB per CPU
# second (user+sys), so that other load on the machine counts as little as
# possible, and the best of three is the figure. GNU grep -i in a UTF-8
# locale is far slower; it runs once, on the first 5 MB. Last, detect.Scan
# under /usr/bin/time -v on 50 and 500 MB gives the peak RSS.
set -eu
work=${1:-/tmp/zicht-bench-detect}
mkdir -p "$work"
go build -o "$work/detect-bench" ./bench/detect
b="$work/detect-bench"
for mb in 50 200 500; do
	[ -s "$work/corpus-$mb.txt" ] || "$b" gen -size "$mb" -out "$work/corpus-$mb.txt"
done
"$b" terms -out "$work/terms.txt"
head -c 5242880 "$work/corpus-200.txt" >"$work/corpus-5.txt"

secs() { # command... : prints the user+sys CPU seconds of the command
	/usr/bin/time -f '%U %S' -o "$work/t" "$@" >"$work/out" 2>&1 || true
	awk '{print $1+$2}' "$work/t"
}
rate() { awk -v mb="$1" -v s="$2" 'BEGIN{printf "%.1f", mb/s}'; }
best() { tr ' ' '\n' | grep . | sort -g | head -1; }

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "grep:    $(grep --version | head -1); $(wc -l <"$work/terms.txt") terms"
g="" s=""
for round in 1 2 3; do
	t=$(secs env LC_ALL=C grep -F -i -w -c -f "$work/terms.txt" "$work/corpus-200.txt")
	echo "round $round: grep -F -i -w -c -f TERMS (LC_ALL=C), 200 MB: ${t}s CPU, $(rate 200 "$t") MB/s; $(cat "$work/out") matching lines"
	g="$g $t"
	t=$(secs "$b" scan -in "$work/corpus-200.txt")
	echo "round $round: detect.Scan (GOMAXPROCS=1), 200 MB:              ${t}s CPU, $(rate 200 "$t") MB/s"
	echo "    $(cat "$work/out")"
	s="$s $t"
done
g=$(echo "$g" | best) s=$(echo "$s" | best)
echo "best of 3: grep $(rate 200 "$g") MB/s, detect.Scan $(rate 200 "$s") MB/s per core: $(awk -v g="$g" -v s="$s" 'BEGIN{printf "%.2f", g/s}')x grep"
t=$(secs env LC_ALL=C.UTF-8 grep -F -i -w -c -f "$work/terms.txt" "$work/corpus-5.txt")
echo "grep -F -i -w -c -f TERMS (C.UTF-8), 5 MB: ${t}s CPU, $(rate 5 "$t") MB/s"
for mb in 50 500; do
	/usr/bin/time -v -o "$work/v" "$b" scan -in "$work/corpus-$mb.txt" >"$work/out"
	echo "detect.Scan, $mb MB: peak RSS $(awk -F': ' '/Maximum resident/{print $2}' "$work/v") KB"
	echo "    $(cat "$work/out")"
done
