// Restricted-party list use cases: import a list file (or OFAC folder) as a version, show what is
// stored, and compare two versions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/reference_data.h"
#include "store/store.h"

namespace ckyc::app {

struct ListImportSummary {
  store::ListVersion version;
  bool created = false;  // false: the same content was already stored as this version
  std::size_t rows = 0;
  std::vector<std::string> errors;  // rows skipped, one line each (file:line: field: what)
  std::vector<std::string> files;   // the files read
};

// `path`: a file, or a folder holding sdn.csv or cons_prim.csv. `format`: sdn, cons, csl, dpl, un,
// ftm; detected from the name and content when unset. One transaction: all entries or none.
Result<ListImportSummary> ImportListPath(const std::string& path, const std::optional<std::string>& format,
                                         const ReferenceData& data, store::Store& store);

struct ListDiff {
  store::ListVersion from, to;
  std::vector<std::string> added, removed, changed;  // entry ids
};
Result<ListDiff> DiffListVersions(store::Store& store, std::int64_t from_id, std::int64_t to_id);

}  // namespace ckyc::app
