// The clock seam: engines and the store take time from a Clock so that tests run on fake time.
#pragma once

#include <chrono>

namespace ckyc {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override { return std::chrono::system_clock::now(); }
};

// [Threading] not thread-safe; tests only.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point t) : now_(t) {}
  std::chrono::system_clock::time_point Now() const override { return now_; }
  void Advance(std::chrono::seconds s) { now_ += s; }

 private:
  std::chrono::system_clock::time_point now_;
};

}  // namespace ckyc
