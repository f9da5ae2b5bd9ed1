// Writes the CSV behind the slow-course figures in docs/figures/:
//   slow_course_csv t1d  > t1d_course.csv    type 1 autoimmunity course (t1d_autoimmunity.hpp), with HbA1c
//   slow_course_csv topp > topp_course.csv   Topp 2000: healthy state, SI falls 0.72 -> 0.090 and -> 0.088
//   slow_course_csv hss  > hss_2016.csv      Ha, Satin & Sherman 2016 human model, intervention at day 1100 / 1400
// HbA1c in the T1D course follows glucose through the glycation model (hba1c_glycation.hpp); the glucose used is
// an illustrative daily mean (not a model output): normal 100 mg/dl until the functional mass falls below 0.5,
// rising linearly to 300 mg/dl at onset, 160 mg/dl on insulin from 60 days after onset.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string_view>

#include "physiology/ha_satin_sherman_2016_model.hpp"
#include "physiology/hba1c_glycation.hpp"
#include "physiology/t1d_autoimmunity.hpp"
#include "physiology/topp_2000_model.hpp"

namespace {

using namespace isletsim;

int write_t1d() {
  T1dAutoimmunityParameters parameters;
  parameters.autoimmunity_start_day = 365;
  const T1dAutoimmunity course(parameters);
  const double onset = course.onset_day();
  const double half_mass_day = parameters.autoimmunity_start_day + std::log(2.0) / parameters.destruction_rate_per_day;
  HbA1cGlycation hba1c(HbA1cGlycationParameters{}, 100);
  std::printf("t_day,residual_mass_fraction,functional_mass_fraction,fasting_c_peptide_nmol_l,"
              "stimulated_c_peptide_nmol_l,mean_glucose_mg_dl,hba1c_percent\n");
  for (int day = 0; day <= 365 * 9; ++day) {
    const double t = day;
    double glucose = 100;
    if (t >= onset + 60) {
      glucose = 160;
    } else if (t >= onset) {
      glucose = 300 - (300 - 160) * (t - onset) / 60;
    } else if (t > half_mass_day) {
      glucose = 100 + 200 * (t - half_mass_day) / (onset - half_mass_day);
    }
    hba1c.advance_one_day(glucose);
    if (day % 5 != 0) continue;
    std::printf("%.0f,%.6f,%.6f,%.6f,%.6f,%.2f,%.4f\n", t, course.residual_mass_fraction(t),
                course.functional_mass_fraction(t), course.fasting_c_peptide_nmol_l(t),
                course.stimulated_c_peptide_nmol_l(t), glucose, hba1c.hba1c_percent());
  }
  return 0;
}

int write_topp() {
  Topp2000Parameters parameters;
  const auto start = topp_2000_fixed_points(parameters)[0].state;
  parameters.insulin_sensitivity_ml_per_uU_day = 0.090;
  const auto recovers = simulate_topp_2000(parameters, start, 1500, 1);
  parameters.insulin_sensitivity_ml_per_uU_day = 0.088;
  const auto collapses = simulate_topp_2000(parameters, start, 1500, 1);
  std::printf("t_day,glucose_si090_mg_dl,insulin_si090_uU_ml,beta_si090_mg,glucose_si088_mg_dl,insulin_si088_uU_ml,"
              "beta_si088_mg\n");
  for (std::size_t i = 0; i < std::min(recovers.size(), collapses.size()); ++i) {
    const auto& a = recovers[i].state;
    const auto& b = collapses[i].state;
    std::printf("%.0f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f\n", recovers[i].t_day, a.glucose_mg_dl, a.insulin_uU_ml,
                a.beta_cell_mass_mg, b.glucose_mg_dl, b.insulin_uU_ml, b.beta_cell_mass_mg);
  }
  return 0;
}

int write_hss() {
  HaSatinSherman2016Parameters parameters;
  parameters.intervention_day = 1100;
  const auto early = simulate_ha_satin_sherman_2016(parameters, HaSatinSherman2016State{}, 1800, 2);
  parameters.intervention_day = 1400;
  const auto late = simulate_ha_satin_sherman_2016(parameters, HaSatinSherman2016State{}, 1800, 2);
  std::printf("t_day,glucose_early_mg_dl,insulin_early_uU_ml,beta_early_mg,sigma_early,si_early,"
              "glucose_late_mg_dl,insulin_late_uU_ml,beta_late_mg,sigma_late,si_late\n");
  for (std::size_t i = 0; i < std::min(early.size(), late.size()); ++i) {
    const auto& a = early[i].state;
    const auto& b = late[i].state;
    std::printf("%.0f,%.4f,%.4f,%.3f,%.3f,%.5f,%.4f,%.4f,%.3f,%.3f,%.5f\n", early[i].t_day, a.glucose_mg_dl,
                a.insulin_uU_ml, a.beta_cell_mass_mg, a.sigma, a.insulin_sensitivity, b.glucose_mg_dl, b.insulin_uU_ml,
                b.beta_cell_mass_mg, b.sigma, b.insulin_sensitivity);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view which = argc > 1 ? argv[1] : "";
  if (which == "t1d") return write_t1d();
  if (which == "topp") return write_topp();
  if (which == "hss") return write_hss();
  std::fprintf(stderr, "usage: slow_course_csv t1d|topp|hss > file.csv\n");
  return 2;
}
