// libFuzzer target: the plain importer (and the metrics on what it imports). See fuzz/README.md.
#include "fuzz_importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return isletsim::fuzzing::run_importer(data, size, isletsim::CgmFormat::kPlain);
}
