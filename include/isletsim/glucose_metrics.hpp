// isletsim public API: outcome measures of a glucose trace -- the summary of simulate's outputs
// (analysis/glucose_summary.hpp) and the consensus CGM metrics (analysis/cgm_metric_table.hpp, docs/cgm.md).
#pragma once

#include "analysis/cgm_metric_table.hpp"
#include "analysis/glucose_summary.hpp"
