// "Did you mean ...?" suggestions for unknown names typed by a person.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ckyc {

// Up to `max` candidates closest to `query` by edit distance over NameKey()s, nearest first;
// candidates further than a third of the query's length (at least 2) are left out, except that a
// candidate containing the query (3 characters or more) is always kept.
std::vector<std::string> ClosestNames(std::string_view query, const std::vector<std::string>& candidates,
                                      std::size_t max = 3);

// Formats " (did you mean 'a', 'b'?)" or "" when there is no suggestion.
std::string DidYouMean(const std::vector<std::string>& names);

}  // namespace ckyc
