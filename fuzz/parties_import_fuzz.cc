// Fuzzes the parties importers (jsonl, csv, FollowTheMoney, BODS) and the ownership engine on what
// they accept: any bytes give a graph and/or positioned errors, never a crash.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "parties/assess.h"
#include "parties/import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ckyc::CountryTable& countries = ckyc::fuzz::ShippedCountries();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const ckyc::parties::Tokenizer tokenize = [](std::string_view) { return std::string("tok_fuzz"); };
  for (auto format : {ckyc::parties::PartyFormat::kJsonLines, ckyc::parties::PartyFormat::kCsv,
                      ckyc::parties::PartyFormat::kFtm, ckyc::parties::PartyFormat::kBods}) {
    ckyc::parties::PartyImport imported = ckyc::parties::ImportParties(text, "fuzz", format, countries, tokenize);
    for (const auto& e : imported.errors) {
      if (e.rfind("fuzz", 0) != 0) __builtin_trap();  // every error names its source
    }
    if (!imported.errors.empty() || !ckyc::parties::DanglingReferences(imported.graph).empty()) continue;
    const ckyc::Date on{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{29}};
    ckyc::parties::OwnershipIndex index(imported.graph, on);
    ckyc::parties::OwnershipParameters p;
    for (const auto& [id, party] : imported.graph.parties) {
      auto eff = index.EffectiveOwnershipOf(id, p);
      double total = 0;
      for (const auto& [holder, pct] : eff.by_holder) total += pct;
      if (total > 100.0 + 1e-6) __builtin_trap();  // shares never exceed the whole
      (void)index.UltimateParentOf(id, p);
    }
  }
  return 0;
}
