# Renders the slow-course figures from the CSV written by tools/slow_course_csv:
#   build/release/tools/slow_course_csv t1d  > docs/figures/t1d_course.csv
#   build/release/tools/slow_course_csv topp > docs/figures/topp_2000_si_step.csv
#   build/release/tools/slow_course_csv hss  > docs/figures/hss_2016_t2d_course.csv
#   cd docs/figures && gnuplot slow_courses.gp
set datafile separator ','
set terminal pngcairo size 1000,900 font ',10'
set key autotitle columnhead

set output 't1d_course.png'
set multiplot layout 3,1 title 'Type 1 autoimmunity (t1d\_autoimmunity.hpp, default settings, autoimmunity from day 365)'
set xlabel 'years'
set ylabel 'fraction of normal'
plot 't1d_course.csv' using ($1/365.25):2 with lines lw 2 title 'beta-cell mass', \
     '' using ($1/365.25):3 with lines lw 2 title 'functional mass'
set ylabel 'C-peptide (nmol/l)'
set logscale y
set yrange [0.005:3]
plot 't1d_course.csv' using ($1/365.25):4 with lines lw 2 title 'fasting', \
     '' using ($1/365.25):5 with lines lw 2 title 'stimulated', \
     0.2 with lines dt 2 title 'DCCT 0.2 nmol/l', 0.03 with lines dt 3 title 'undetectable 0.03 nmol/l'
unset logscale y
set yrange [*:*]
set ylabel 'HbA1c (%) / glucose/30'
plot 't1d_course.csv' using ($1/365.25):7 with lines lw 2 title 'HbA1c (glycation model)', \
     '' using ($1/365.25):($6/30) with lines dt 2 title 'daily mean glucose / 30 (illustrative input)'
unset multiplot

set output 'topp_2000_si_step.png'
set multiplot layout 3,1 title 'Topp 2000: SI falls from 0.72 at day 0 (to 0.090: recovers; to 0.088: collapses)'
set xlabel 'days'
set ylabel 'glucose (mg/dl)'
plot 'topp_2000_si_step.csv' using 1:2 with lines lw 2 title 'SI 0.090', '' using 1:5 with lines lw 2 title 'SI 0.088'
set ylabel 'insulin (uU/ml)'
plot 'topp_2000_si_step.csv' using 1:3 with lines lw 2 title 'SI 0.090', '' using 1:6 with lines lw 2 title 'SI 0.088'
set ylabel 'beta-cell mass (mg)'
plot 'topp_2000_si_step.csv' using 1:4 with lines lw 2 title 'SI 0.090', '' using 1:7 with lines lw 2 title 'SI 0.088'
unset multiplot

# build/release/tools/slow_course_csv hss > docs/figures/hss_2016_t2d_course.csv
set output 'hss_2016_t2d_course.png'
set multiplot layout 2,2 title 'Ha, Satin and Sherman 2016 human model: S_i falls, intervention (S_i -> 0.468) at day 1100 or 1400'
set xlabel 'days'
set ylabel 'glucose (mg/dl)'
plot 'hss_2016_t2d_course.csv' using 1:2 with lines lw 2 title 'intervention day 1100', '' using 1:7 with lines lw 2 title 'day 1400'
set ylabel 'insulin (uU/ml)'
plot 'hss_2016_t2d_course.csv' using 1:3 with lines lw 2 title 'day 1100', '' using 1:8 with lines lw 2 title 'day 1400'
set ylabel 'beta-cell mass (mg)'
plot 'hss_2016_t2d_course.csv' using 1:4 with lines lw 2 title 'day 1100', '' using 1:9 with lines lw 2 title 'day 1400'
set ylabel 'sigma (secretory capacity)'
plot 'hss_2016_t2d_course.csv' using 1:5 with lines lw 2 title 'day 1100', '' using 1:10 with lines lw 2 title 'day 1400'
unset multiplot
