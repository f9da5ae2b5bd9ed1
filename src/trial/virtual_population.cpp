#include "trial/virtual_population.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "core/random_stream.hpp"
#include "physiology/uva_padova_steady_state.hpp"

namespace isletsim {

namespace {

enum class Transform { kLog, kLogit };

struct Field {
  const char* name;
  double UvaPadovaParameters::*member;
  Transform transform;
};

// Every parameter of UvaPadovaParameters that is physiology or therapy, not derived by the steady state
// (kp1, u2ss, the initial state are derived from Gb and Ib below).
constexpr Field kFields[] = {
    {"BW", &UvaPadovaParameters::body_weight_kg, Transform::kLog},
    {"kmax", &UvaPadovaParameters::kmax, Transform::kLog},
    {"kmin", &UvaPadovaParameters::kmin, Transform::kLog},
    {"kabs", &UvaPadovaParameters::kabs, Transform::kLog},
    {"b", &UvaPadovaParameters::b, Transform::kLogit},
    {"d", &UvaPadovaParameters::d, Transform::kLogit},
    {"f", &UvaPadovaParameters::f, Transform::kLogit},
    {"Vg", &UvaPadovaParameters::Vg, Transform::kLog},
    {"k1", &UvaPadovaParameters::k1, Transform::kLog},
    {"k2", &UvaPadovaParameters::k2, Transform::kLog},
    {"Vm0", &UvaPadovaParameters::Vm0, Transform::kLog},
    {"Vmx", &UvaPadovaParameters::Vmx, Transform::kLog},
    {"Km0", &UvaPadovaParameters::Km0, Transform::kLog},
    {"p2u", &UvaPadovaParameters::p2u, Transform::kLog},
    {"Fsnc", &UvaPadovaParameters::Fsnc, Transform::kLog},
    {"kp2", &UvaPadovaParameters::kp2, Transform::kLog},
    {"kp3", &UvaPadovaParameters::kp3, Transform::kLog},
    {"ki", &UvaPadovaParameters::ki, Transform::kLog},
    {"ke1", &UvaPadovaParameters::ke1, Transform::kLog},
    {"ke2", &UvaPadovaParameters::ke2, Transform::kLog},
    {"Vi", &UvaPadovaParameters::Vi, Transform::kLog},
    {"m1", &UvaPadovaParameters::m1, Transform::kLog},
    {"m2", &UvaPadovaParameters::m2, Transform::kLog},
    {"m30", &UvaPadovaParameters::m30, Transform::kLog},
    {"m4", &UvaPadovaParameters::m4, Transform::kLog},
    {"Ib", &UvaPadovaParameters::Ib, Transform::kLog},
    {"kd", &UvaPadovaParameters::kd, Transform::kLog},
    {"ka1", &UvaPadovaParameters::ka1, Transform::kLog},
    {"ka2", &UvaPadovaParameters::ka2, Transform::kLog},
    {"ksc", &UvaPadovaParameters::ksc, Transform::kLog},
    {"CR", &UvaPadovaParameters::carb_ratio_g_per_u, Transform::kLog},
    {"CF", &UvaPadovaParameters::correction_factor_mg_dl_per_u, Transform::kLog},
};
constexpr std::size_t kFieldCount = std::size(kFields);
constexpr std::size_t kDimension = kFieldCount + 1;  // + basal glucose Gb (log)

double forward(Transform transform, double value) {
  return transform == Transform::kLog ? std::log(value) : std::log(value / (1.0 - value));
}
double inverse(Transform transform, double value) {
  return transform == Transform::kLog ? std::exp(value) : 1.0 / (1.0 + std::exp(-value));
}

// Plausible fasting glucose of a person with T1D resting on basal insulin (assumption, ours).
constexpr double kMinBasalGlucoseMgDl = 70;
constexpr double kMaxBasalGlucoseMgDl = 250;

bool positive_finite(double value) { return std::isfinite(value) && value > 0; }

}  // namespace

std::vector<std::string> VirtualPopulation::transformed_parameter_names() {
  std::vector<std::string> names;
  for (const Field& field : kFields) names.emplace_back(field.name);
  names.emplace_back("Gb");
  return names;
}

std::vector<double> VirtualPopulation::transform(const UvaPadovaParameters& subject) {
  std::vector<double> values;
  values.reserve(kDimension);
  for (const Field& field : kFields) values.push_back(forward(field.transform, subject.*field.member));
  const double basal_glucose_mg_dl = subject.initial_state[kGlucosePlasma] / subject.Vg;  // Gb = Gp_b / VG
  values.push_back(std::log(basal_glucose_mg_dl));
  return values;
}

UvaPadovaParameters VirtualPopulation::from_transformed(std::span<const double> values, const std::string& name) {
  UvaPadovaParameters subject;
  subject.name = name;
  for (std::size_t i = 0; i < kFieldCount; ++i) subject.*kFields[i].member = inverse(kFields[i].transform, values[i]);
  set_basal_steady_state(subject, std::exp(values[kFieldCount]), subject.Ib);
  return subject;
}

VirtualPopulation::VirtualPopulation(std::string name, std::span<const UvaPadovaParameters> reference_subjects)
    : name_(std::move(name)), reference_count_(reference_subjects.size()), mean_(kDimension, 0.0) {
  if (reference_subjects.size() < 2) {
    throw std::invalid_argument(fmt::format("population '{}' needs at least 2 reference subjects", name_));
  }
  std::vector<std::vector<double>> transformed;
  for (const auto& subject : reference_subjects) {
    if (const std::string problem = physiological_invalidity(subject); !problem.empty()) {
      throw std::invalid_argument(fmt::format("reference subject '{}' is not valid: {}", subject.name, problem));
    }
    transformed.push_back(transform(subject));
  }
  const auto n = static_cast<double>(transformed.size());
  for (const auto& values : transformed) {
    for (std::size_t k = 0; k < kDimension; ++k) mean_[k] += values[k] / n;
  }
  const double scale = 1.0 / std::sqrt(n - 1.0);
  for (const auto& values : transformed) {
    std::vector<double> column(kDimension);
    for (std::size_t k = 0; k < kDimension; ++k) column[k] = (values[k] - mean_[k]) * scale;
    deviations_.push_back(std::move(column));
  }
}

std::vector<double> VirtualPopulation::transformed_covariance() const {
  std::vector<double> covariance(kDimension * kDimension, 0.0);
  for (const auto& column : deviations_) {
    for (std::size_t r = 0; r < kDimension; ++r) {
      for (std::size_t c = 0; c < kDimension; ++c) covariance[r * kDimension + c] += column[r] * column[c];
    }
  }
  return covariance;
}

VirtualPopulation::Draw VirtualPopulation::sample(std::uint64_t seed, std::uint64_t index, int max_redraws) const {
  RandomStream random(seed, index, StreamPurpose::kCohortSampling);
  const std::string subject_name = fmt::format("{}_{:05d}", name_, index);
  std::vector<double> values(kDimension);
  for (int attempt = 0; attempt <= max_redraws; ++attempt) {
    values = mean_;
    for (const auto& column : deviations_) {
      const double w = random.standard_normal();
      for (std::size_t k = 0; k < kDimension; ++k) values[k] += column[k] * w;
    }
    UvaPadovaParameters subject = from_transformed(values, subject_name);
    if (physiological_invalidity(subject).empty()) return {std::move(subject), attempt};
  }
  throw std::runtime_error(fmt::format("population '{}': subject {} still invalid after {} redraws", name_, index,
                                       max_redraws));
}

std::string physiological_invalidity(const UvaPadovaParameters& s) {
  for (const Field& field : kFields) {
    const double value = s.*field.member;
    if (!positive_finite(value)) return fmt::format("{} = {} is not a finite positive number", field.name, value);
    if (field.transform == Transform::kLogit && value >= 1) return fmt::format("{} = {} is not below 1", field.name, value);
  }
  // Gastric emptying (Dalla Man, Camilleri & Cobelli 2006, eq. 4): as the stomach empties, kempt first falls to
  // (kmax + kmin)/2 at b x dose and rises back at d x dose, so d < b.
  if (!(s.d < s.b)) return fmt::format("d = {} must be below b = {}", s.d, s.b);
  if (!(s.kmin < s.kmax)) return fmt::format("kmin = {} must be below kmax = {}", s.kmin, s.kmax);
  const double basal_glucose_mg_dl = s.initial_state[kGlucosePlasma] / s.Vg;
  if (!(basal_glucose_mg_dl >= kMinBasalGlucoseMgDl && basal_glucose_mg_dl <= kMaxBasalGlucoseMgDl)) {
    return fmt::format("basal glucose {} mg/dl outside {}..{} mg/dl", basal_glucose_mg_dl, kMinBasalGlucoseMgDl,
                       kMaxBasalGlucoseMgDl);
  }
  for (int i = 0; i < kUvaPadovaStateCount; ++i) {
    const double x = s.initial_state[static_cast<std::size_t>(i)];
    if (!std::isfinite(x) || x < 0) return fmt::format("basal state x{} = {} is negative or not finite", i, x);
  }
  if (!(s.initial_state[kGlucoseTissue] > 0)) return "no positive basal tissue glucose (steady state does not exist)";
  if (!positive_finite(s.basal_insulin_pmol_per_kg_per_min)) {
    return fmt::format("basal insulin infusion u_b = {} pmol/kg/min is not positive", s.basal_insulin_pmol_per_kg_per_min);
  }
  // EGP_b = kp1 - kp2 Gp_b - kp3 Ib must be positive for the liver to hold the basal state.
  const double egp_basal = s.kp1 - s.kp2 * s.initial_state[kGlucosePlasma] - s.kp3 * s.Ib;
  if (!(egp_basal > 0)) return fmt::format("basal endogenous glucose production {} is not positive", egp_basal);
  return {};
}

}  // namespace isletsim
