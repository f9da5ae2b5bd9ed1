// Reading a CGM export of any supported format: Dexcom Clarity CSV, LibreView CSV, Nightscout entries JSON, plain
// time,glucose CSV -- chosen by name or detected from the content (auto).
//
// Detection: content starting with '[' or '{' is Nightscout JSON; a Dexcom header on the first line is Dexcom; a
// LibreView header ("Device Timestamp", "Record Type") on the second line is LibreView; anything else is read as a
// plain CSV (which reports a clear error if it has no time and glucose columns).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cgm/cgm_trace.hpp"

namespace isletsim {

enum class CgmFormat { kAuto, kDexcom, kLibre, kNightscout, kPlain };

// "auto", "dexcom", "libre", "nightscout", "plain"; nothing for other names.
std::optional<CgmFormat> parse_cgm_format(std::string_view name);
CgmFormat detect_cgm_format(std::string_view content);

CgmTrace import_cgm(std::string_view content, const std::string& file_name, CgmFormat format,
                    const CgmImportOptions& options = {});
CgmTrace import_cgm_file(const std::string& path, CgmFormat format, const CgmImportOptions& options = {});

}  // namespace isletsim
