#include "chips/catalog.h"

#include <set>

#include "core/csv.h"
#include "core/strings.h"
#include "core/suggest.h"

namespace ckyc::chips {
namespace {

// Registers `name` for row `index`; a name already taken by another row is an error naming both.
template <typename Rows>
Status AddKey(std::map<std::string, std::size_t, std::less<>>& keys, const Rows& rows, std::string_view name,
              std::size_t index, const std::string& where) {
  std::string key = NameKey(name);
  if (key.empty()) return Status::Ok();
  auto [it, inserted] = keys.emplace(key, index);
  if (!inserted && it->second != index) {
    return Status::InvalidArgument(where + ": name '" + std::string(name) + "' is already used by line " +
                                   std::to_string(rows[it->second].line));
  }
  return Status::Ok();
}

}  // namespace

Result<AcceleratorCatalog> AcceleratorCatalog::Load(std::string_view csv, std::string_view source) {
  CKYC_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Parse(csv, source));
  std::vector<std::string_view> required = {
      "id",         "vendor",       "model",     "aliases",       "datacenter",
      "dies",       "die_area_mm2", "memory_gb", "memory_bw_gbs", "interconnect_gbs",
      "vendor_tpp", "vendor_eccn",  "source"};
  for (Precision p : kAllPrecisions) required.push_back(PrecisionName(p));
  CKYC_RETURN_IF_ERROR(table.RequireColumns(required));

  AcceleratorCatalog out;
  for (std::size_t i = 0; i < table.size(); ++i) {
    auto row = table.row(i);
    Accelerator a;
    a.line = row.line();
    CKYC_ASSIGN_OR_RETURN(a.id, row.Required("id"));
    CKYC_ASSIGN_OR_RETURN(a.vendor, row.Required("vendor"));
    CKYC_ASSIGN_OR_RETURN(a.model, row.Required("model"));
    CKYC_ASSIGN_OR_RETURN(a.source, row.Required("source"));
    CKYC_ASSIGN_OR_RETURN(std::string dc, row.Required("datacenter"));
    dc = AsciiLower(dc);
    if (dc != "yes" && dc != "no") {
      return Status::InvalidArgument(row.Where("datacenter") + ": want yes or no, got '" + dc + "'");
    }
    a.spec.datacenter = dc == "yes";
    bool any = false;
    for (Precision p : kAllPrecisions) {
      CKYC_ASSIGN_OR_RETURN(auto v, row.OptionalNonNegative(PrecisionName(p)));
      if (v) {
        a.spec.set_tops(p, *v);
        any = true;
      }
    }
    if (!any) return Status::InvalidArgument(row.Where("fp16") + ": no throughput in any precision");
    CKYC_ASSIGN_OR_RETURN(a.spec.die_area_mm2, row.OptionalNonNegative("die_area_mm2"));
    if (a.spec.die_area_mm2 && *a.spec.die_area_mm2 <= 0) {
      return Status::InvalidArgument(row.Where("die_area_mm2") + ": must be positive");
    }
    CKYC_ASSIGN_OR_RETURN(a.spec.memory_bw_gbs, row.OptionalNonNegative("memory_bw_gbs"));
    CKYC_ASSIGN_OR_RETURN(a.memory_gb, row.OptionalNonNegative("memory_gb"));
    CKYC_ASSIGN_OR_RETURN(a.interconnect_gbs, row.OptionalNonNegative("interconnect_gbs"));
    CKYC_ASSIGN_OR_RETURN(a.vendor_tpp, row.OptionalNonNegative("vendor_tpp"));
    CKYC_ASSIGN_OR_RETURN(auto dies, row.OptionalNonNegative("dies"));
    if (dies) {
      if (*dies != static_cast<double>(static_cast<int>(*dies)) || *dies < 1) {
        return Status::InvalidArgument(row.Where("dies") + ": want a whole number >= 1");
      }
      a.dies = static_cast<int>(*dies);
    }
    a.vendor_eccn = std::string(TrimAscii(row.Get("vendor_eccn")));
    a.notes = std::string(TrimAscii(row.Get("notes")));
    for (const std::string& alias : Split(row.Get("aliases"), '|')) {
      std::string_view t = TrimAscii(alias);
      if (!t.empty()) a.aliases.emplace_back(t);
    }
    const std::size_t index = out.parts_.size();
    out.parts_.push_back(std::move(a));
    const Accelerator& added = out.parts_.back();
    CKYC_RETURN_IF_ERROR(AddKey(out.by_key_, out.parts_, added.id, index, row.Where("id")));
    CKYC_RETURN_IF_ERROR(AddKey(out.by_key_, out.parts_, added.model, index, row.Where("model")));
    CKYC_RETURN_IF_ERROR(AddKey(out.by_key_, out.parts_, added.DisplayName(), index, row.Where("model")));
    for (const std::string& alias : added.aliases) {
      CKYC_RETURN_IF_ERROR(AddKey(out.by_key_, out.parts_, alias, index, row.Where("aliases")));
    }
  }
  return out;
}

const Accelerator* AcceleratorCatalog::Find(std::string_view name) const {
  auto it = by_key_.find(NameKey(name));
  return it == by_key_.end() ? nullptr : &parts_[it->second];
}

Result<const Accelerator*> AcceleratorCatalog::Resolve(std::string_view name) const {
  if (const Accelerator* a = Find(name)) return a;
  std::vector<std::string> names;
  for (const Accelerator& a : parts_) {
    names.push_back(a.DisplayName());
    names.push_back(a.id);
    names.insert(names.end(), a.aliases.begin(), a.aliases.end());
  }
  return Status::NotFound("unknown accelerator '" + std::string(name) + "'" + DidYouMean(ClosestNames(name, names)));
}

Result<InstanceCatalog> InstanceCatalog::Load(std::string_view csv, std::string_view source,
                                              const AcceleratorCatalog& parts) {
  CKYC_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Parse(csv, source));
  CKYC_RETURN_IF_ERROR(table.RequireColumns(
      {"provider", "instance_type", "accelerator", "count", "interconnect", "network_gbps", "source"}));
  InstanceCatalog out;
  std::map<std::string, std::size_t> line_of;
  for (std::size_t i = 0; i < table.size(); ++i) {
    auto row = table.row(i);
    InstanceType t;
    CKYC_ASSIGN_OR_RETURN(t.provider, row.Required("provider"));
    CKYC_ASSIGN_OR_RETURN(t.name, row.Required("instance_type"));
    CKYC_ASSIGN_OR_RETURN(std::string acc, row.Required("accelerator"));
    t.accelerator = parts.Find(acc);
    if (t.accelerator == nullptr) {
      return Status::InvalidArgument(row.Where("accelerator") + ": " + parts.Resolve(acc).status().message());
    }
    CKYC_ASSIGN_OR_RETURN(auto count, row.OptionalNonNegative("count"));
    if (!count || *count < 1 || *count != static_cast<double>(static_cast<int>(*count))) {
      return Status::InvalidArgument(row.Where("count") + ": want a whole number >= 1");
    }
    t.count = static_cast<int>(*count);
    CKYC_ASSIGN_OR_RETURN(t.network_gbps, row.OptionalNonNegative("network_gbps"));
    t.interconnect = std::string(TrimAscii(row.Get("interconnect")));
    t.source = std::string(TrimAscii(row.Get("source")));
    t.notes = std::string(TrimAscii(row.Get("notes")));
    const std::size_t index = out.types_.size();
    for (const std::string& name : {t.name, t.provider + " " + t.name}) {
      auto [it, inserted] = out.by_key_.emplace(NameKey(name), index);
      if (!inserted) {
        return Status::InvalidArgument(row.Where("instance_type") + ": '" + name + "' is already listed on line " +
                                       std::to_string(line_of[NameKey(name)]));
      }
      line_of[NameKey(name)] = row.line();
    }
    out.types_.push_back(std::move(t));
  }
  return out;
}

const InstanceType* InstanceCatalog::Find(std::string_view name) const {
  auto it = by_key_.find(NameKey(name));
  return it == by_key_.end() ? nullptr : &types_[it->second];
}

Result<const InstanceType*> InstanceCatalog::Resolve(std::string_view name) const {
  if (const InstanceType* t = Find(name)) return t;
  std::vector<std::string> names;
  for (const InstanceType& t : types_) names.push_back(t.name);
  return Status::NotFound("unknown instance type '" + std::string(name) + "'" + DidYouMean(ClosestNames(name, names)));
}

}  // namespace ckyc::chips
