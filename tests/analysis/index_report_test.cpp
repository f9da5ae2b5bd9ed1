#include "analysis/index_report.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace isletsim {
namespace {

const IndexResult& find(const std::vector<IndexResult>& results, const std::string& key) {
  for (const auto& result : results) {
    if (result.key == key) return result;
  }
  throw std::runtime_error("no index " + key);
}

TEST(IndexReport, FastingValuesComeFromTheOgttWhenThereAreNoFastingRows) {
  GlucoseTestSet data;
  data.ogtt = {{0, 100, 10}, {30, 140, 40}, {60, 150, 50}, {90, 130, 40}, {120, 105, 20}};
  const auto results = compute_surrogate_indices(data);
  const auto& homa = find(results, "homa1_ir");
  ASSERT_TRUE(homa.value);
  // 100 mg/dl = 100 / 18.0156 = 5.550745 mmol/l; x 10 uU/ml / 22.5 = 2.466998.
  EXPECT_NEAR(*homa.value, 2.466998, 1e-6);
  EXPECT_EQ(homa.source, "OGTT t = 0 sample");
  EXPECT_DOUBLE_EQ(*find(results, "matsuda_isi").value, 5.0);
  // No IVGTT and no clamp in the data: no entries for them.
  for (const auto& result : results) {
    EXPECT_NE(result.key, "airg");
    EXPECT_NE(result.key, "clamp_m_value");
  }
}

TEST(IndexReport, FastingRowsAreAveraged) {
  GlucoseTestSet data;
  // Matthews 1985 averaged three basal samples: (80 + 81.0702 + 82.1404) / 3 = 81.0702 mg/dl = 4.5 mmol/l;
  // insulin (4 + 5 + 6) / 3 = 5 uU/ml -> HOMA1-IR 1.0, %B 100.
  data.fasting = {{-10, 80.0, 4}, {-5, 81.0702, 5}, {0, 82.1404, 6}};
  const auto results = compute_surrogate_indices(data);
  EXPECT_NEAR(*find(results, "homa1_ir").value, 1.0, 1e-6);
  EXPECT_NEAR(*find(results, "homa1_beta_cell_percent").value, 100.0, 1e-4);
  EXPECT_EQ(find(results, "homa1_ir").source, "mean of 3 fasting samples");
}

TEST(IndexReport, GivesTheReasonForEachIndexTheDataDoNotAllow) {
  GlucoseTestSet data;
  data.fasting = {{0, 59.45, 3}};                      // 3.30 mmol/l: HOMA1-%B undefined
  data.ogtt = {{0, 100, 10}, {60, 150, 50}, {120, 105, 20}};  // no 30-min sample
  const auto results = compute_surrogate_indices(data);
  const auto& beta_cell = find(results, "homa1_beta_cell_percent");
  EXPECT_FALSE(beta_cell.value);
  EXPECT_NE(beta_cell.reason_not_computed.find("> 3.5 mmol/l"), std::string::npos) << beta_cell.reason_not_computed;
  const auto& insulinogenic = find(results, "insulinogenic_index");
  EXPECT_FALSE(insulinogenic.value);
  EXPECT_NE(insulinogenic.reason_not_computed.find("t = 30 min"), std::string::npos)
      << insulinogenic.reason_not_computed;
  EXPECT_TRUE(find(results, "matsuda_isi").value);
}

}  // namespace
}  // namespace isletsim
