#include "io/graft_calibration_toml.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/graft_parameters_toml.hpp"
#include "io/toml_table_reader.hpp"

namespace isletsim {

namespace {

double finite_number(TomlTableReader& t, const std::string& key) { return t.number(key); }  // the reader rejects NaN

double positive_number(TomlTableReader& t, const std::string& key) {
  const double v = t.number(key);
  if (!(v > 0)) t.fail(key, fmt::format("must be > 0 (got {})", v));
  return v;
}

double day_number(TomlTableReader& t, const std::string& key) {
  const double v = t.number(key);
  if (!(v >= 0)) t.fail(key, fmt::format("must be a day >= 0 (got {})", v));
  return v;
}

GraftQuantity quantity(TomlTableReader& t) {
  const std::string name = t.string("quantity");
  try {
    return parse_graft_quantity(name);
  } catch (const InputError& error) {
    t.fail("quantity", error.problem());
  }
}

void read_design(TomlTableReader& t, IsletGraftDesign& design) {
  t.reject_unknown_keys({"dose_cells", "site", "immune_protection", "infusion_days", "parameters"});
  const double dose_cells = positive_number(t, "dose_cells");
  try {
    design.site = parse_graft_site(t.string("site"));
  } catch (const InputError& error) {
    t.fail("site", error.problem());
  }
  try {
    design.protection = parse_immune_protection(t.string("immune_protection"));
  } catch (const InputError& error) {
    t.fail("immune_protection", error.problem());
  }
  std::vector<std::int64_t> days = {0};
  if (auto listed = t.optional_integer_list("infusion_days")) days = *listed;
  if (days.empty()) t.fail("infusion_days", "needs at least one day");
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (days[i] < 0) t.fail("infusion_days", fmt::format("day {} is negative", days[i]));
    if (i > 0 && days[i] <= days[i - 1]) t.fail("infusion_days", "days must be strictly increasing");
    GraftInfusion infusion;
    infusion.day = static_cast<double>(days[i]);
    infusion.dose_cells = dose_cells;
    design.infusions.push_back(infusion);
  }
  if (auto parameters = t.optional_table("parameters")) read_graft_parameters_table(*parameters, design.parameters);
  try {
    validate_islet_graft_design(design);
  } catch (const InputError& error) {
    throw InputError(t.table_location(), error.problem() + " (" + error.location().key + ")");
  }
}

}  // namespace

GraftCalibrationFile read_graft_calibration_toml(const std::filesystem::path& path) {
  const toml::table root = parse_toml_file(path, "calibration");
  TomlTableReader top(root, path.string(), "");
  top.reject_unknown_keys({"calibration", "design", "free", "target", "prior", "prediction"});
  GraftCalibrationFile file;
  auto calibration = top.optional_table("calibration");
  if (!calibration) top.fail("calibration", "missing [calibration] table");
  calibration->reject_unknown_keys({"name"});
  file.name = calibration->string("name");
  auto design = top.optional_table("design");
  if (!design) top.fail("design", "missing [design] table (the graft: dose, site, ...)");
  read_design(*design, file.setup.design);

  const auto& names = graft_free_parameter_names();
  for (auto& t : top.table_array("free")) {
    t.reject_unknown_keys({"parameter", "lower", "upper"});
    GraftFreeParameter free;
    free.name = t.string("parameter");
    if (std::find(names.begin(), names.end(), free.name) == names.end()) {
      t.fail("parameter", fmt::format("unknown graft parameter '{}'; choose {}", free.name, fmt::join(names, ", ")));
    }
    for (const auto& earlier : file.setup.free_parameters) {
      if (earlier.name == free.name) t.fail("parameter", fmt::format("'{}' is already free", free.name));
    }
    free.lower = finite_number(t, "lower");
    free.upper = finite_number(t, "upper");
    if (!(free.lower < free.upper)) t.fail("upper", fmt::format("must exceed lower ({} <= {})", free.upper, free.lower));
    IsletGraftParameters start = file.setup.design.parameters;
    const double initial = graft_parameter(start, free.name);
    if (initial < free.lower || initial > free.upper) {
      t.fail("lower", fmt::format("the starting value {} of '{}' ([design.parameters] or its default) is not within "
                                  "[{}, {}]", initial, free.name, free.lower, free.upper));
    }
    file.setup.free_parameters.push_back(free);
  }
  if (file.setup.free_parameters.empty()) top.fail("free", "no [[free]] parameter to fit");

  for (auto& t : top.table_array("target")) {
    t.reject_unknown_keys({"quantity", "day", "observed", "standard_deviation", "source"});
    GraftTarget target;
    target.quantity = quantity(t);
    target.day = day_number(t, "day");
    target.observed = finite_number(t, "observed");
    target.standard_deviation = positive_number(t, "standard_deviation");
    target.source = t.optional_string("source").value_or("");
    file.setup.targets.push_back(target);
  }
  if (file.setup.targets.empty()) top.fail("target", "no [[target]] to fit to");

  for (auto& t : top.table_array("prior")) {
    t.reject_unknown_keys({"parameter", "mean", "standard_deviation", "reason"});
    GraftPrior prior;
    prior.parameter = t.string("parameter");
    const bool is_free = std::any_of(file.setup.free_parameters.begin(), file.setup.free_parameters.end(),
                                     [&](const GraftFreeParameter& f) { return f.name == prior.parameter; });
    if (!is_free) t.fail("parameter", fmt::format("'{}' is not a [[free]] parameter", prior.parameter));
    prior.mean = finite_number(t, "mean");
    prior.standard_deviation = positive_number(t, "standard_deviation");
    prior.reason = t.optional_string("reason").value_or("");
    file.setup.priors.push_back(prior);
  }

  for (auto& t : top.table_array("prediction")) {
    t.reject_unknown_keys({"quantity", "day", "published", "source"});
    GraftPrediction prediction;
    prediction.quantity = quantity(t);
    prediction.day = day_number(t, "day");
    prediction.published = t.optional_number("published").value_or(std::numeric_limits<double>::quiet_NaN());
    prediction.source = t.optional_string("source").value_or("");
    file.setup.predictions.push_back(prediction);
  }
  return file;
}

}  // namespace isletsim
