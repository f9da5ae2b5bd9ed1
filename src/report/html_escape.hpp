// Escapes text for HTML element content and quoted attribute values: & < > " ' become entities. Every string a
// report takes from its input (file names, subject and arm names, JSON strings) goes through this.
#pragma once

#include <string>
#include <string_view>

namespace isletsim {

std::string escape_html(std::string_view text);

}  // namespace isletsim
