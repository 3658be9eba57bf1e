#include "core/hash.h"

#include <cstring>

namespace ckyc {
namespace {

constexpr std::uint64_t kMul1 = 0xBF58476D1CE4E5B9ULL;
constexpr std::uint64_t kMul2 = 0x94D049BB133111EBULL;

std::uint64_t Finalize(std::uint64_t h) {
  h ^= h >> 30;
  h *= kMul1;
  h ^= h >> 27;
  h *= kMul2;
  h ^= h >> 31;
  return h;
}

}  // namespace

std::uint64_t Hash64(std::string_view data, std::uint64_t seed) {
  std::uint64_t h = Finalize(seed ^ 0x9E3779B97F4A7C15ULL) ^ data.size();
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, data.data() + i, 8);
    h ^= w * kMul1;
    h = ((h << 27) | (h >> 37)) * kMul2 + 0x52DCE729ULL;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, data.data() + i, data.size() - i);
  h ^= (tail ^ (data.size() - i)) * kMul1;
  return Finalize(h);
}

Hash128 Hash128Of(std::string_view data) {
  std::uint64_t a = 0x8C2A7E3D1F4B6A95ULL ^ data.size();
  std::uint64_t b = 0x3B1F9E6D2C5A8F71ULL + data.size();
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, data.data() + i, 8);
    a ^= w * kMul1;
    a = ((a << 27) | (a >> 37)) * kMul2 + 0x52DCE729ULL;
    b ^= w * kMul2;
    b = ((b << 31) | (b >> 33)) * kMul1 + 0x38495AB5ULL;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, data.data() + i, data.size() - i);
  a ^= (tail ^ (data.size() - i)) * kMul1;
  b ^= (tail + (data.size() - i)) * kMul2;
  return {Finalize(a), Finalize(b ^ (a >> 17))};
}

std::uint64_t HashCombine(std::uint64_t h, std::uint64_t value) {
  return Finalize(h ^ (value + 0x9E3779B97F4A7C15ULL + (h << 6)));
}

}  // namespace ckyc
