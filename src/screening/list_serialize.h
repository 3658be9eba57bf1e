// List entries as JSON documents: how the store keeps them and how `lists diff` compares them.
#pragma once

#include <string>

#include "core/status.h"
#include "screening/lists.h"

namespace ckyc::screening {

std::string ToJson(const ListEntry& e);  // stable key order: equal entries give equal documents
Result<ListEntry> ListEntryFromJson(std::string_view doc);

}  // namespace ckyc::screening
