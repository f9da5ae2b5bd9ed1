#include "core/input_error.hpp"

#include <gtest/gtest.h>

namespace isletsim {
namespace {

TEST(InputError, MessageNamesFileLineAndKey) {
  const InputError error({"scenario.toml", 12, "meals[1].carbs_g"}, "must be >= 0 g (got -5)");
  EXPECT_STREQ(error.what(), "scenario.toml:12: key 'meals[1].carbs_g': must be >= 0 g (got -5)");
  EXPECT_EQ(error.location().line, 12);
}

TEST(InputError, OmitsUnknownParts) {
  EXPECT_EQ(format_input_error({"", 0, ""}, "bad"), "bad");
  EXPECT_EQ(format_input_error({"f.csv", 0, ""}, "bad"), "f.csv: bad");
}

}  // namespace
}  // namespace isletsim
