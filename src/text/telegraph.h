// Chinese Commercial (telegraph) Codes: four-digit codes that stand for Han characters. OFAC
// remarks carry them ("Chinese Commercial Code 1728 4320") for names published in romanised form
// only; decoding them recovers the name in Hanzi, which customers write on their forms.
//
// The table is Unihan's kMainlandTelegraph field (Unihan_OtherMappings.txt, Debian package
// unicode-data): lines "U+4E2D<TAB>kMainlandTelegraph<TAB>0022".
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace ckyc::text {

class TelegraphCodeTable {
 public:
  // Reads every kMainlandTelegraph line of Unihan_OtherMappings.txt; other lines are ignored. Fails
  // when no such line is found (not the right file).
  static Result<TelegraphCodeTable> Parse(std::string_view unihan_other_mappings, std::string_view source);

  // Decodes space-separated four-digit codes to UTF-8 ("0022 0948" → "中国"). An unknown or
  // malformed code is an error naming it.
  Result<std::string> Decode(std::string_view codes) const;
  std::size_t size() const { return by_code_.size(); }

 private:
  std::unordered_map<int, char32_t> by_code_;
};

}  // namespace ckyc::text
