// The SQLite schema as a list of versioned migrations. A migration is never edited once shipped;
// a change is a new migration. Each runs in its own transaction with its schema_migrations row.
#pragma once

#include <string_view>
#include <vector>

namespace ckyc::store::sqlite {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

const std::vector<Migration>& Migrations();

}  // namespace ckyc::store::sqlite
