// The accelerator catalog (data/accelerators.csv) and cloud instance types
// (data/instance_types.csv): what a billing row or a DCGM modelName refers to, and its specs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chips/classify.h"
#include "core/status.h"

namespace ckyc::chips {

struct Accelerator {
  std::string id;                    // stable slug: "nvidia-h100-sxm"
  std::string vendor;                // "NVIDIA"
  std::string model;                 // "H100 SXM5 80GB"
  std::vector<std::string> aliases;  // billing and DCGM names: "NVIDIA H100 80GB HBM3"
  ChipSpec spec;
  std::optional<int> dies;
  std::optional<double> memory_gb;
  std::optional<double> interconnect_gbs;
  std::optional<double> vendor_tpp;
  std::string vendor_eccn;  // as the vendor publishes it: "4A090.a", "4A994.l"
  std::string source;       // datasheet URL
  std::string notes;
  std::size_t line = 0;  // line in the catalog file, for messages

  std::string DisplayName() const { return vendor + " " + model; }
};

class AcceleratorCatalog {
 public:
  // Parses the catalog; every row must have an id, vendor, model, datacenter flag and source, at
  // least one throughput, and names (id, "vendor model", model, aliases) that no other row uses.
  static Result<AcceleratorCatalog> Load(std::string_view csv, std::string_view source);

  // Finds a part by id, model, "vendor model" or alias, ignoring case and punctuation.
  const Accelerator* Find(std::string_view name) const;
  // As Find; an unknown name is a NotFound error: "unknown accelerator 'X' (did you mean ...?)".
  Result<const Accelerator*> Resolve(std::string_view name) const;

  const std::vector<Accelerator>& all() const { return parts_; }

 private:
  std::vector<Accelerator> parts_;
  std::map<std::string, std::size_t, std::less<>> by_key_;
};

struct InstanceType {
  std::string provider;                      // "AWS"
  std::string name;                          // "p5.48xlarge"
  const Accelerator* accelerator = nullptr;  // owned by the catalog it was loaded against
  int count = 0;                             // accelerators per instance
  std::string interconnect;                  // scale-up fabric
  std::optional<double> network_gbps;        // scale-out network per instance
  std::string source;
  std::string notes;
};

class InstanceCatalog {
 public:
  // `parts` must outlive the returned catalog. Every accelerator must resolve in `parts`.
  static Result<InstanceCatalog> Load(std::string_view csv, std::string_view source, const AcceleratorCatalog& parts);

  const InstanceType* Find(std::string_view name) const;  // case-insensitive; "AWS p5.48xlarge" too
  Result<const InstanceType*> Resolve(std::string_view name) const;
  const std::vector<InstanceType>& all() const { return types_; }

 private:
  std::vector<InstanceType> types_;
  std::map<std::string, std::size_t, std::less<>> by_key_;
};

}  // namespace ckyc::chips
