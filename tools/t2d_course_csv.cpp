// Writes the coupled multi-scale T2D course (docs/figures/t2d_multiscale_course.csv): the average normal subject of
// Dalla Man 2007 under the Ha, Satin & Sherman 2016 decline of insulin sensitivity, one row per day.
// Usage: t2d_course_csv [days] > file.csv
#include <cstdio>
#include <cstdlib>

#include "physiology/dalla_man_2007_subjects.hpp"
#include "progression/multiscale_course.hpp"
#include "progression/t2d_course.hpp"

int main(int argc, char** argv) {
  using namespace isletsim;
  const double days = argc > 1 ? std::atof(argv[1]) : 3650;
  MultiscaleOptions options = t2d_progression_options(days);
  const auto records = run_multiscale_course(dalla_man_2007_average_normal(), options);
  std::printf(
      "day,mean_glucose_mg_dl,fasting_glucose_mg_dl,max_glucose_mg_dl,hba1c_percent,relative_beta_cell_mass,"
      "relative_beta_cell_function,muscle_sensitivity,liver_sensitivity,fasting_c_peptide_pmol_l,"
      "peak_c_peptide_pmol_l,beta_cell_glucose_mg_dl\n");
  for (const auto& r : records) {
    std::printf("%d,%.3f,%.3f,%.3f,%.4f,%.5f,%.5f,%.5f,%.5f,%.2f,%.2f,%.3f\n", r.day, r.mean_glucose_mg_dl,
                r.fasting_glucose_mg_dl, r.max_glucose_mg_dl, r.hba1c_percent, r.relative_beta_cell_mass,
                r.relative_beta_cell_function, r.muscle_sensitivity, r.liver_sensitivity, r.fasting_c_peptide_pmol_l,
                r.peak_c_peptide_pmol_l, r.beta_cell_glucose_mg_dl);
  }
  return 0;
}
