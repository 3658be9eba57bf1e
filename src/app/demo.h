// The demo use case: a fresh embedded store holding the classified accelerator catalog.
#pragma once

#include <string>
#include <vector>

#include "app/parties.h"
#include "app/reference_data.h"
#include "app/usage.h"
#include "chips/part_report.h"
#include "core/clock.h"
#include "store/store.h"

namespace ckyc::app {

struct DemoResult {
  std::string store;  // "sqlite:ckyc-demo.db"
  int schema_version = 0;
  std::string catalog_version;
  std::vector<store::AcceleratorRecord> rows;  // read back from the store, not from memory
  std::vector<chips::PartClassification> parts;
  // The customer story on the bundled fictional data (data/sample_*.jsonl).
  PartyImportSummary parties_import;
  IngestSummary usage_ingest;
  parties::PartyGraph graph;
  std::vector<parties::Assessment> customers;  // every party marked customer, assessed today
  std::vector<metering::TrainingRun> runs;
};

// Classifies every catalog part and stores the result, in one transaction, in `store`.
Result<std::vector<chips::PartClassification>> StoreCatalogClassification(const ReferenceData& data,
                                                                          const chips::Thresholds3A090& t,
                                                                          store::Store& store);

// Deletes any database at `db_path` (and its -wal/-shm files, segments and key), creates a fresh
// one, stores the classified catalog and reads it back; then imports the bundled sample parties and
// usage, assesses every customer and lists the training runs. `data` must be the full reference
// data (LoadReferenceData).
Result<DemoResult> RunDemo(const ReferenceData& data, const std::string& db_path, const Clock& clock);

}  // namespace ckyc::app
