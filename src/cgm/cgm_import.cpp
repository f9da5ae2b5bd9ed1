#include "cgm/cgm_import.hpp"

#include "cgm/dexcom_clarity_importer.hpp"
#include "cgm/libreview_importer.hpp"
#include "cgm/nightscout_importer.hpp"
#include "cgm/plain_csv_importer.hpp"

namespace isletsim {

std::optional<CgmFormat> parse_cgm_format(std::string_view name) {
  if (name == "auto") return CgmFormat::kAuto;
  if (name == "dexcom") return CgmFormat::kDexcom;
  if (name == "libre") return CgmFormat::kLibre;
  if (name == "nightscout") return CgmFormat::kNightscout;
  if (name == "plain") return CgmFormat::kPlain;
  return std::nullopt;
}

CgmFormat detect_cgm_format(std::string_view content) {
  if (content.size() >= 3 && content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  for (const char c : content) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '[' || c == '{') return CgmFormat::kNightscout;
    break;
  }
  const std::size_t first_end = content.find('\n');
  const std::string_view first_line = content.substr(0, first_end);
  if (looks_like_dexcom_header(first_line)) return CgmFormat::kDexcom;
  if (first_end != std::string_view::npos) {
    const std::string_view rest = content.substr(first_end + 1);
    if (looks_like_libreview(first_line, rest.substr(0, rest.find('\n')))) return CgmFormat::kLibre;
  }
  return CgmFormat::kPlain;
}

CgmTrace import_cgm(std::string_view content, const std::string& file_name, CgmFormat format,
                    const CgmImportOptions& options) {
  if (format == CgmFormat::kAuto) format = detect_cgm_format(content);
  switch (format) {
    case CgmFormat::kDexcom: return import_dexcom_clarity_csv(content, file_name, options);
    case CgmFormat::kLibre: return import_libreview_csv(content, file_name, options);
    case CgmFormat::kNightscout: return import_nightscout_json(content, file_name, options);
    case CgmFormat::kPlain:
    case CgmFormat::kAuto: break;
  }
  return import_plain_csv(content, file_name, options);
}

CgmTrace import_cgm_file(const std::string& path, CgmFormat format, const CgmImportOptions& options) {
  return import_cgm(read_text_file(path), path, format, options);
}

}  // namespace isletsim
