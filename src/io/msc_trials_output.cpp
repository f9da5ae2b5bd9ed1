// Output of `isletsim msc-trials`: see msc_trials_output.hpp.
#include "io/msc_trials_output.hpp"

#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

namespace isletsim {

namespace {

std::string infusion_text(const MscTrialDesign& d) {
  std::string text;
  for (const MscInfusion& i : d.infusions) {
    if (!text.empty()) text += ' ';
    text += fmt::format("d{:g}:{:g}", i.day, i.dose_cells_per_kg);
  }
  return text;
}

void write_atomically(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + partial.string());
    out << content;
    if (!out) throw std::runtime_error("cannot write " + partial.string());
  }
  std::filesystem::rename(partial, path);
}

}  // namespace

nlohmann::json msc_meta_analysis_json(const std::string& name, const MscTrialSet& set, const MscMetaAnalysis& r) {
  nlohmann::json j;
  j["name"] = name;
  j["seed"] = set.seed;
  j["titration"] = basal_titration_rule_name(set.care.rule);
  j["run_in_days"] = set.care.run_in_days;
  j["representative_day_per_interval"] = set.care.representative_day_per_interval;
  j["method"] = "DerSimonian-Laird random effects on per-trial differences (MSC - placebo) of change from baseline";
  j["published"] = "Kashbour et al. 2025, Diabetol Metab Syndr 17:189 (13 RCTs, 12 months)";
  int capped = 0;
  for (const MscTrialParticipant& p : r.participants) capped += p.outcome.msc_effect_capped ? 1 : 0;
  j["participants"] = r.participants.size();
  j["participants_with_msc_effect_capped_at_knob_limit"] = capped;
  for (int e = 0; e < kMscEndpointCount; ++e) {
    const auto endpoint = static_cast<MscEndpoint>(e);
    const RandomEffectsPooled& p = r.pooled[static_cast<std::size_t>(e)];
    const PublishedPooledResult k = kashbour_2025_pooled(endpoint);
    nlohmann::json item;
    item["trials"] = p.trials;
    item["difference"] = p.estimate;
    item["lower"] = p.lower;
    item["upper"] = p.upper;
    item["standard_error"] = p.standard_error;
    item["tau_squared"] = p.tau_squared;
    item["i_squared"] = p.i_squared;
    item["cochran_q"] = p.cochran_q;
    item["published"] = {
        {"difference", k.estimate}, {"lower", k.lower}, {"upper", k.upper}, {"i_squared", k.i_squared}};
    j["endpoints"][msc_endpoint_name(endpoint)] = item;
  }
  for (const MscTrialResult& t : r.trials) {
    nlohmann::json trial;
    trial["name"] = t.design.name;
    trial["cell_source"] = t.design.cell_source;
    trial["participants_per_arm"] = t.design.participants_per_arm;
    trial["follow_up_days"] = t.design.follow_up_days;
    trial["infusions"] = infusion_text(t.design);
    for (int e = 0; e < kMscEndpointCount; ++e) {
      const MscTrialEndpointResult& x = t.endpoints[static_cast<std::size_t>(e)];
      trial["endpoints"][msc_endpoint_name(static_cast<MscEndpoint>(e))] = {{"difference", x.difference.estimate},
                                                                            {"lower", x.difference.lower},
                                                                            {"upper", x.difference.upper},
                                                                            {"standard_error", x.standard_error}};
    }
    j["trials"].push_back(trial);
  }
  return j;
}

std::string msc_trials_csv(const MscMetaAnalysis& r) {
  std::string csv =
      "trial,cell_source,n_per_arm,follow_up_days,infusions,endpoint,placebo_change_mean,msc_change_mean,difference,"
      "lower,upper,standard_error\n";
  for (const MscTrialResult& t : r.trials) {
    for (int e = 0; e < kMscEndpointCount; ++e) {
      const MscTrialEndpointResult& x = t.endpoints[static_cast<std::size_t>(e)];
      csv += fmt::format("{},{},{},{},{},{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g}\n", t.design.name,
                         t.design.cell_source, t.design.participants_per_arm, t.design.follow_up_days,
                         infusion_text(t.design), msc_endpoint_name(static_cast<MscEndpoint>(e)), x.placebo_change.mean,
                         x.msc_change.mean, x.difference.estimate, x.difference.lower, x.difference.upper,
                         x.standard_error);
    }
  }
  return csv;
}

std::string msc_participants_csv(const MscMetaAnalysis& r) {
  std::string csv = "trial,participant,arm,endpoint,baseline,end,change\n";
  for (const MscTrialParticipant& p : r.participants) {
    const std::string& trial = r.trials[static_cast<std::size_t>(p.trial)].design.name;
    for (int e = 0; e < kMscEndpointCount; ++e) {
      const auto endpoint = static_cast<MscEndpoint>(e);
      const double b = msc_endpoint_value(p.outcome.baseline, endpoint);
      const double end = msc_endpoint_value(p.outcome.end, endpoint);
      csv += fmt::format("{},{},{},{},{:.6g},{:.6g},{:.6g}\n", trial, p.index, p.msc_arm ? "msc" : "placebo",
                         msc_endpoint_name(endpoint), b, end, end - b);
    }
  }
  return csv;
}

void write_msc_trials_output(const std::filesystem::path& out_dir, const std::string& name, const MscTrialSet& set,
                             const MscMetaAnalysis& result) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) throw std::runtime_error("cannot create " + out_dir.string() + ": " + ec.message());
  write_atomically(out_dir / "participants.csv", msc_participants_csv(result));
  write_atomically(out_dir / "trials.csv", msc_trials_csv(result));
  write_atomically(out_dir / "meta_analysis.json", msc_meta_analysis_json(name, set, result).dump(2) + "\n");
}

}  // namespace isletsim
