// Backend conformance: one test body, run on every registered backend (engine/backend.hpp) against the reference
// backend, in the shape of OpenMM's platform tests. Each case puts the same subjects through the same care loop
// (engine/care_loop.hpp) -- meals, sensor, pump, controller, therapies -- once on the reference backend and once on
// the backend under test, and compares plasma and subcutaneous glucose at every minute.
//
// Budget: 0.1 mg/dl at every minute (the acceptance of the reference engine against the UVA/Padova reference
// implementation, tests/engine/simglucose_reference_test.cpp). The measured worst case of each backend is printed and
// recorded as a test property (docs/validation.md has the figures).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "control/controller_config.hpp"
#include "devices/cgm_sensor.hpp"
#include "devices/insulin_pump.hpp"
#include "engine/backend.hpp"
#include "engine/care_loop.hpp"
#include "engine/time_series_recorder.hpp"
#include "io/patient_parameters_csv.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/published_subjects.hpp"
#include "test_support.hpp"
#include "therapy/graft_glucagon_counter_regulation.hpp"
#include "trial/daily_routine.hpp"
#include "trial/graft_insulin_secretion.hpp"
#include "trial/islet_graft_intervention.hpp"

namespace isletsim {
namespace {

constexpr double kConformanceMgDl = 0.1;

// A therapy for the conformance cases: a controller (or none) and, optionally, a graft of fixed functional mass F
// secreting by the Dalla Man 2007 submodel by `route`, with or without its glucagon counter-regulation.
class ConformanceTherapy final : public CareTherapy {
 public:
  ConformanceTherapy(std::unique_ptr<Controller> controller, const UvaPadovaParameters& subject, double graft_fraction,
                     EndogenousInsulinRoute route, bool glucagon)
      : controller_(std::move(controller)),
        route_(route),
        secretion_(dalla_man_2007_average_normal(), subject.body_weight_kg) {
    secretion_.set_functional_mass_fraction(graft_fraction);
    if (glucagon) {
      glucagon_.emplace(graft_glucagon_parameters(subject));
      glucagon_->set_functional_mass_fraction(graft_fraction);
    }
    graft_ = graft_fraction > 0;
  }
  Controller* controller() override { return controller_.get(); }
  EndogenousInsulinRoute endogenous_insulin_route() const override { return route_; }
  bool has_minute_inputs() const override { return graft_; }
  void minute_inputs(double t_min, const SubjectObservation& now, TherapyMinuteInputs& add) override {
    add.endogenous_insulin_u_per_min = secretion_.advance_u_per_min(t_min, now.plasma_glucose_mg_dl);
    if (glucagon_) {
      add.glucagon_egp_mg_per_kg_per_min =
          glucagon_->advance_mg_per_kg_per_min(t_min, now.plasma_glucose_mg_dl, now.plasma_insulin_pmol_l);
    }
  }
  std::uint32_t input_routes() const override {
    return kRouteCarbs | kRouteSubcutaneousInsulin | (graft_ ? kRoutePortalInsulin : 0U) |
           (glucagon_ ? kRouteGlucagonEgp : 0U);
  }

 private:
  std::unique_ptr<Controller> controller_;
  EndogenousInsulinRoute route_;
  GraftInsulinSecretion secretion_;
  std::optional<GraftGlucagonCounterRegulation> glucagon_;
  bool graft_ = false;
};

struct Case {
  std::vector<UvaPadovaParameters> subjects;
  int days = 2;
  std::optional<ControllerKind> controller = ControllerKind::kBasalBolus;  // none: no exogenous insulin
  bool sensor_and_pump = true;
  double graft_fraction = 0;
  EndogenousInsulinRoute route = EndogenousInsulinRoute::kPortal;
  bool glucagon = false;
};

// Every subject of the case in one care loop on `backend`; one minute series per subject.
std::vector<SubjectTimeSeries> run_case(const Case& c, const Backend& backend) {
  const std::size_t n = c.subjects.size();
  std::vector<SubjectTimeSeries> series(n);
  std::vector<TimeSeriesRecorder> recorders;
  std::vector<ConformanceTherapy> therapies;
  recorders.reserve(n);
  therapies.reserve(n);
  std::vector<VirtualSubject> subjects;
  std::vector<CareLane> lanes;
  for (std::size_t i = 0; i < n; ++i) {
    const UvaPadovaParameters& subject = c.subjects[i];
    std::unique_ptr<Controller> controller;
    if (c.controller) {
      ControllerConfig config;
      config.kind = *c.controller;
      controller = make_controller(config, subject, 1, i);
    }
    therapies.emplace_back(std::move(controller), subject, c.graft_fraction, c.route, c.glucagon);
    series[i].subject = subject.name;
    recorders.emplace_back(series[i]);
    CareLane lane;
    RandomStream behaviour(1, i, StreamPurpose::kBehaviour);
    lane.meals = draw_meals(default_daily_routine(), 0, c.days, behaviour);
    if (c.sensor_and_pump) {
      lane.sensor = published_cgm_sensor("Dexcom");
      lane.pump = published_insulin_pump("Insulet");
    }
    lane.hypo_treatment = HypoTreatment{};
    lane.subject_index = i;
    lane.therapy = &therapies.back();
    lane.recorder = &recorders.back();
    lanes.push_back(std::move(lane));
    subjects.emplace_back(subject);
  }
  CareLoop loop(backend, subjects, std::move(lanes));
  loop.run(static_cast<long>(c.days) * 1440);
  return series;
}

struct Deviation {
  double plasma_mg_dl = 0;
  double subcutaneous_mg_dl = 0;
  std::string where;
};

Deviation compare(const std::vector<SubjectTimeSeries>& tested, const std::vector<SubjectTimeSeries>& reference) {
  Deviation worst;
  for (std::size_t i = 0; i < reference.size(); ++i) {
    EXPECT_EQ(tested[i].size(), reference[i].size());
    for (std::size_t k = 0; k < reference[i].size() && k < tested[i].size(); ++k) {
      const double p = std::abs(tested[i].glucose_plasma_mg_dl[k] - reference[i].glucose_plasma_mg_dl[k]);
      const double s = std::abs(tested[i].glucose_sc_mg_dl[k] - reference[i].glucose_sc_mg_dl[k]);
      if (!(p <= worst.plasma_mg_dl)) {
        worst.plasma_mg_dl = p;
        worst.where = reference[i].subject + " minute " + std::to_string(k);
      }
      worst.subcutaneous_mg_dl = std::max(worst.subcutaneous_mg_dl, s);
    }
  }
  return worst;
}

std::vector<UvaPadovaParameters> simglucose_subjects() {
  const auto params = testing::reference_dir() / "simglucose" / "vpatient_params.csv";
  std::vector<UvaPadovaParameters> subjects;
  for (const auto& name : list_patient_names(params)) {
    subjects.push_back(read_patient_parameters(params, name));
    read_therapy_settings(params.parent_path() / "Quest.csv", subjects.back());
  }
  return subjects;
}

class BackendConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void expect_conforms(const Case& c, const std::string& label) {
    const Backend& tested = backend_named(GetParam());
    const auto reference = run_case(c, backend_named("reference"));
    const auto result = run_case(c, tested);
    const Deviation d = compare(result, reference);
    std::cout << "backend " << GetParam() << ", " << label << ": worst plasma " << d.plasma_mg_dl << " mg/dl ("
              << d.where << "), subcutaneous " << d.subcutaneous_mg_dl << " mg/dl\n";
    RecordProperty(label + "_worst_plasma_mg_dl", std::to_string(d.plasma_mg_dl));
    EXPECT_LT(d.plasma_mg_dl, kConformanceMgDl) << label << " at " << d.where;
    EXPECT_LT(d.subcutaneous_mg_dl, kConformanceMgDl) << label;
  }
};

TEST_P(BackendConformance, ThirtySimglucoseSubjectsOpenLoop) {
  ISLETSIM_REQUIRE_REFERENCE();
  Case c;
  c.subjects = simglucose_subjects();
  ASSERT_EQ(c.subjects.size(), 30U);
  c.controller = ControllerKind::kOpenLoop;
  c.sensor_and_pump = false;
  expect_conforms(c, "30_open_loop");
}

TEST_P(BackendConformance, ThirtySimglucoseSubjectsBasalBolusWithSensorAndPump) {
  ISLETSIM_REQUIRE_REFERENCE();
  Case c;
  c.subjects = simglucose_subjects();
  c.controller = ControllerKind::kBasalBolus;
  expect_conforms(c, "30_basal_bolus");
}

TEST_P(BackendConformance, AverageAdultBasalBolusThreeDays) {
  Case c;
  c.subjects = {average_adult_t1d()};
  c.days = 3;
  expect_conforms(c, "average_adult_basal_bolus");
}

// An intraportal graft (F = 0.6) with usual care: portal insulin into the liver compartment.
TEST_P(BackendConformance, PortalGraftInsulin) {
  Case c;
  c.subjects = {average_adult_t1d(), average_adult_t1d()};
  c.graft_fraction = 0.6;
  c.route = EndogenousInsulinRoute::kPortal;
  expect_conforms(c, "portal_graft");
}

// A subcutaneous graft (F = 1.2, no exogenous insulin) that drives glucose low after meals, with the graft's glucagon
// counter-regulation raising EGP: the glucagon input.
TEST_P(BackendConformance, SubcutaneousGraftWithGlucagonCounterRegulation) {
  Case c;
  c.subjects = {average_adult_t1d()};
  if (testing::reference_available()) {
    auto all = simglucose_subjects();
    c.subjects.insert(c.subjects.end(), all.begin(), all.begin() + 10);
  }
  c.controller.reset();
  c.graft_fraction = 1.2;
  c.route = EndogenousInsulinRoute::kSubcutaneous;
  c.glucagon = true;
  expect_conforms(c, "sc_graft_glucagon");
  c.glucagon = false;
  expect_conforms(c, "sc_graft_no_glucagon");
}

// The MSC arm lives on the Dalla Man 2007 meal model (type 2 participants): a backend that cannot integrate it must
// say so, never run it elsewhere.
TEST_P(BackendConformance, RefusesWhatItCannotIntegrateWithAMessage) {
  const Backend& tested = backend_named(GetParam());
  for (const SubjectModel model : {SubjectModel::kUvaPadova2008, SubjectModel::kDallaMan2007}) {
    for (const std::uint32_t route : {kRouteCarbs, kRouteSubcutaneousInsulin, kRoutePortalInsulin, kRouteGlucagonEgp,
                                      kRouteIntravenousGlucose, kRouteIntravenousInsulin}) {
      const auto why = tested.refusal(model, route);
      if (why) {
        EXPECT_FALSE(why->empty());
        continue;
      }
      // What it accepts, the reference accepts too (the reference integrates every model and route).
      EXPECT_FALSE(backend_named("reference").refusal(model, route).has_value()) << to_string(model) << " " << route;
    }
  }
  if (tested.refusal(SubjectModel::kDallaMan2007, kRouteCarbs)) {
    const VirtualSubject subjects[] = {as_virtual_subject(dalla_man_2007_average_type2())};
    EXPECT_THROW((void)tested.make(subjects), std::invalid_argument);
  }
}

std::vector<std::string> tested_backends() {
  std::vector<std::string> names;
  for (const auto& name : backend_names()) {
    if (name != "reference") names.push_back(name);
  }
  return names;
}

INSTANTIATE_TEST_SUITE_P(Backends, BackendConformance, ::testing::ValuesIn(tested_backends()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

}  // namespace
}  // namespace isletsim
