#include "core/random_stream.hpp"

#include <Random123/boxmuller.hpp>
#include <Random123/uniform.hpp>

namespace isletsim {

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t subject_index, StreamPurpose purpose) {
  key_[0] = static_cast<std::uint32_t>(seed);
  key_[1] = static_cast<std::uint32_t>(seed >> 32U);
  counter_[0] = 0;
  counter_[1] = static_cast<std::uint32_t>(subject_index);
  counter_[2] = static_cast<std::uint32_t>(subject_index >> 32U);
  counter_[3] = static_cast<std::uint32_t>(purpose);
}

void RandomStream::refill() {
  block_ = Philox()(counter_, key_);
  counter_[0] += 1;  // 2^32 blocks (2^34 numbers) per stream before the counter wraps
  next_word_ = 0;
}

double RandomStream::uniform() {
  if (next_word_ >= 4) refill();
  return r123::u01<double>(block_[static_cast<unsigned>(next_word_++)]);
}

double RandomStream::standard_normal() {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  // Random123's Box-Muller on two 32-bit words returns floats (24-bit mantissa: tails cut near 5.9 SD and a
  // coarse grid); on two 64-bit words it returns doubles. So each pair of normals uses a whole 4-word block.
  if (next_word_ != 0) refill();
  const auto word64 = [this](unsigned first) {
    return static_cast<std::uint64_t>(block_[first]) | (static_cast<std::uint64_t>(block_[first + 1]) << 32U);
  };
  const r123::double2 pair = r123::boxmuller(word64(0), word64(2));
  next_word_ = 4;
  spare_normal_ = pair.y;
  has_spare_normal_ = true;
  return pair.x;
}

}  // namespace isletsim
