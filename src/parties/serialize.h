// Parties, ownership and roles as lines of the jsonl import format: how the store keeps them, so
// that reading them back is an import (the same validation, no second decoder).
#pragma once

#include <string>

#include "parties/party.h"

namespace ckyc::parties {

std::string ToJsonLine(const Party& p);  // payment numbers never appear: token + last4
std::string ToJsonLine(const OwnershipEdge& e);
std::string ToJsonLine(const RoleEdge& e);

}  // namespace ckyc::parties
