# Renders the coupled multi-scale T2D course from the CSV written by tools/t2d_course_csv:
#   build/release/tools/t2d_course_csv 1825 > docs/figures/t2d_multiscale_course.csv
#   cd docs/figures && gnuplot t2d_multiscale_course.gp
set datafile separator ','
set terminal pngcairo size 1000,1000 font ',10'
set key autotitle columnhead
set output 't2d_multiscale_course.png'
set multiplot layout 4,1 title "Coupled T2D course (Dalla Man 2007 normal subject, HSS 2016 sensitivity decline, 1-day coupling)"
set xlabel 'years'
set ylabel 'glucose (mg/dl)'
plot 't2d_multiscale_course.csv' using ($1/365.25):3 with lines lw 2 title 'fasting (06:59)', \
     '' using ($1/365.25):2 with lines lw 2 title '24-h mean', \
     100 with lines dt 2 title 'IFG 100', 126 with lines dt 3 title 'diabetes 126'
set ylabel 'fraction of normal'
plot 't2d_multiscale_course.csv' using ($1/365.25):6 with lines lw 2 title 'beta-cell mass', \
     '' using ($1/365.25):7 with lines lw 2 title 'beta-cell function', \
     '' using ($1/365.25):8 with lines lw 2 title 'insulin sensitivity'
set ylabel 'HbA1c (%)'
plot 't2d_multiscale_course.csv' using ($1/365.25):5 with lines lw 2 title 'HbA1c', \
     6.5 with lines dt 2 title 'ADA 6.5 %'
set ylabel 'C-peptide (nmol/l)'
plot 't2d_multiscale_course.csv' using ($1/365.25):($10/1000) with lines lw 2 title 'fasting', \
     '' using ($1/365.25):($11/1000) with lines lw 2 title 'daily peak'
unset multiplot
