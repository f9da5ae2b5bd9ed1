// What a person does about a low CGM reading in the care loop: eats fast carbohydrate and checks again after a
// while -- the "15-15 rule" (ADA Standards of Care in Diabetes 2024, section 6, "Glycemic Goals and Hypoglycemia":
// 15-20 g of glucose at < 70 mg/dl, recheck after 15 minutes, repeat while low). Rescue carbohydrate is not announced
// to the controller. Eating rate: glucose tablets or juice within a minute or two (assumption: 15 g/min).
#pragma once

namespace isletsim {

struct HypoTreatment {
  double threshold_mg_dl = 70;
  double carbs_g = 15;
  double recheck_min = 15;
  double eating_rate_g_per_min = 15;
};

}  // namespace isletsim
