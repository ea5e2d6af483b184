# The chart README.md shows: per-prompt cost in the four workloads
# (log scale), a group of bars per shell, and the binary's instruction
# counts. A ? in the data (direnv where it has no hook) draws no bar.
# Usage: gnuplot -e "dir='RESULTS'; out='chart.png'" bench/chart.gp
set terminal pngcairo size 1800,1000 font ",10" noenhanced
set output out
set multiplot layout 2,3 title "vswitch: cost per prompt and per run (make bench)"

set datafile missing "?"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set key top left font ",9"
set logscale y
set ylabel "ms per prompt (median, log scale)"
set yrange [0.05:20000]

set title "enter/leave (cd into / out of a project 12 levels deep)"
plot for [i=2:7] dir.'/prompt-cd.dat' using i:xtic(1) title columnheader(i)

set title "cd within a project (the env stays)"
plot for [i=2:7] dir.'/prompt-within.dat' using i:xtic(1) title columnheader(i)

set title "cd outside any project"
plot for [i=2:7] dir.'/prompt-outside.dat' using i:xtic(1) title columnheader(i)

set title "idle prompt (no change of directory)"
plot for [i=2:7] dir.'/prompt-idle.dat' using i:xtic(1) title columnheader(i)

unset logscale y
set yrange [0:*]
set ylabel "thousand instructions (callgrind)"
set title "the binary alone: instructions, whole process"
set style histogram rowstacked
set xtics rotate by -35
set key off
plot dir.'/binary.dat' using 2:xtic(1) lc rgb "#4477aa"

unset multiplot
