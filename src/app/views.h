// JSON views of engine results, shared by every face (CLI --json today, HTTP later) so that the
// same use case gives the same document whichever face asked.
#pragma once

#include <nlohmann/json.hpp>

#include "chips/catalog.h"
#include "chips/classify.h"
#include "chips/part_report.h"
#include "core/country.h"

namespace ckyc::app {

nlohmann::json ClassificationJson(const chips::Classification& c, const chips::Thresholds3A090& t);
nlohmann::json PartJson(const chips::PartClassification& p, const chips::Thresholds3A090& t);
nlohmann::json InstanceJson(const chips::InstanceType& it, const chips::PartClassification& p,
                            const chips::Thresholds3A090& t);
nlohmann::json CountryJson(const Country& c, const CountryGroups& groups, const Date& on);

}  // namespace ckyc::app
