// JSON views of engine results, shared by every face (CLI --json today, HTTP later) so that the
// same use case gives the same document whichever face asked.
#pragma once

#include <nlohmann/json.hpp>

#include "app/parties.h"
#include "app/usage.h"
#include "chips/catalog.h"
#include "chips/classify.h"
#include "chips/part_report.h"
#include "core/country.h"
#include "metering/accounting.h"

namespace ckyc::app {

nlohmann::json ClassificationJson(const chips::Classification& c, const chips::Thresholds3A090& t);
nlohmann::json PartJson(const chips::PartClassification& p, const chips::Thresholds3A090& t);
nlohmann::json InstanceJson(const chips::InstanceType& it, const chips::PartClassification& p,
                            const chips::Thresholds3A090& t);
nlohmann::json CountryJson(const Country& c, const CountryGroups& groups, const Date& on);

nlohmann::json OpsJson(const metering::OpsEstimate& e);
nlohmann::json RunJson(const metering::TrainingRun& r, const metering::MeteringParameters& p);
nlohmann::json ClusterJson(const metering::Cluster& c, const metering::MeteringParameters& p);
nlohmann::json IngestJson(const IngestSummary& s);
nlohmann::json AssessmentJson(const parties::Assessment& a, const parties::OwnershipIndex& index);
nlohmann::json PartyImportJson(const PartyImportSummary& s);
nlohmann::json NeighbourhoodJson(const Neighbourhood& n);

// Totals with their operations estimate (at the prior); no ops_* keys when the part is unknown.
nlohmann::json UsageTotalJson(const store::UsageTotal& u, const chips::AcceleratorCatalog& parts,
                              const metering::MeteringParameters& p);

}  // namespace ckyc::app
