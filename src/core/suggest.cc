#include "core/suggest.h"

#include <algorithm>
#include <set>

#include "core/strings.h"

namespace ckyc {

std::vector<std::string> ClosestNames(std::string_view query, const std::vector<std::string>& candidates,
                                      std::size_t max) {
  const std::string q = NameKey(query);
  const std::size_t cap = std::max<std::size_t>(2, q.size() / 3);
  struct Scored {
    std::size_t distance;
    std::string name;
  };
  std::vector<Scored> scored;
  std::set<std::string> seen;
  for (const std::string& c : candidates) {
    const std::string key = NameKey(c);
    if (!seen.insert(key).second) continue;
    std::size_t d = EditDistance(q, key, cap);
    bool prefix = q.size() >= 3 && key.find(q) != std::string::npos;
    if (d <= cap || prefix) scored.push_back({prefix ? std::min(d, cap) : d, c});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.name.size() < b.name.size();
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < max; ++i) out.push_back(scored[i].name);
  return out;
}

std::string DidYouMean(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += "'" + names[i] + "'";
  }
  return out + "?)";
}

}  // namespace ckyc
