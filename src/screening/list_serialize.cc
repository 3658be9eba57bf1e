#include "screening/list_serialize.h"

#include <nlohmann/json.hpp>

namespace ckyc::screening {

std::string ToJson(const ListEntry& e) {
  nlohmann::json j;  // nlohmann::json keeps keys sorted: the same entry always gives the same text
  j["list"] = e.list;
  j["entry_id"] = e.entry_id;
  j["kind"] = e.kind;
  j["name"] = e.name;
  j["aliases"] = e.aliases;
  j["addresses"] = e.addresses;
  j["countries"] = e.countries;
  j["dates_of_birth"] = e.dates_of_birth;
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& [type, value] : e.identifiers) ids.push_back({type, value});
  j["identifiers"] = ids;
  j["programs"] = e.programs;
  j["remarks"] = e.remarks;
  return j.dump();
}

Result<ListEntry> ListEntryFromJson(std::string_view doc) {
  nlohmann::json j = nlohmann::json::parse(doc, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("stored list entry is not a JSON object");
  try {
    ListEntry e;
    e.list = j.value("list", "");
    e.entry_id = j.value("entry_id", "");
    e.kind = j.value("kind", "");
    e.name = j.value("name", "");
    e.aliases = j.value("aliases", std::vector<std::string>{});
    e.addresses = j.value("addresses", std::vector<std::string>{});
    e.countries = j.value("countries", std::vector<std::string>{});
    e.dates_of_birth = j.value("dates_of_birth", std::vector<std::string>{});
    for (const auto& id : j.value("identifiers", nlohmann::json::array())) {
      e.identifiers.emplace_back(id.at(0).get<std::string>(), id.at(1).get<std::string>());
    }
    e.programs = j.value("programs", std::vector<std::string>{});
    e.remarks = j.value("remarks", "");
    return e;
  } catch (const nlohmann::json::exception& ex) {  // nlohmann throws on type mismatches: stop it here
    return Status::Corruption(std::string("stored list entry: ") + ex.what());
  }
}

}  // namespace ckyc::screening
