// What the Store interfaces provide on top of the backends.
#include "store/store.h"

#include <cstdlib>

namespace ckyc::store {

Result<UsageAppendOutcome> UsageStore::AppendUsage(const UsageBatch& batch,
                                                   const std::vector<metering::UsageRecord>& records) {
  CKYC_ASSIGN_OR_RETURN(auto writer, BeginUsageBatch());
  for (const auto& r : records) CKYC_RETURN_IF_ERROR(writer->Accept(r));
  return writer->Commit(batch);
}

std::string DefaultDatabasePath(const std::optional<std::string>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (const char* env = std::getenv("CKYC_DB"); env != nullptr && *env != '\0') return env;
  return "ckyc.db";
}

}  // namespace ckyc::store
